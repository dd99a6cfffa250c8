using LambdaAnalyzers.Lambda;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

public sealed class AccessPathTests
{
    [Fact]
    public async Task LocalFieldAndMemberChain_AreTheirSymbolChains()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            return user.Result + _job.Work.Result + this._job.Work.Result;
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);

        Assert.Equal("user", paths.Of(method.Find("user")).ToString());
        Assert.Equal("_job.Work", paths.Of(method.Find("_job.Work")).ToString());
        Assert.Equal(paths.Of(method.Find("_job.Work")), paths.Of(method.Find("this._job.Work")));
        Assert.Equal(paths.Of(method.Find("_job.Work")).GetHashCode(), paths.Of(method.Find("this._job.Work")).GetHashCode());
    }

    [Fact]
    public async Task ConversionsParenthesesAndConfigureAwait_AreSeenThrough()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            Task plain = user;
            await (user).ConfigureAwait(false);
            return "";
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);

        Assert.Equal("user", paths.Of(method.Find("(user).ConfigureAwait(false)")).ToString());
    }

    [Fact]
    public async Task ElementsForEachVariablesAndLambdaParameters_TakeTheCollectionsPath()
    {
        var method = await MethodUnderTest.CompileAsync("""
            foreach (var task in tasks)
            {
                await task;
            }

            return tasks[0].Result + string.Join(",", tasks.Select(t => t.Result)) + string.Join(",", jobs.Select(job => job.Work.Result));
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);
        var tasksPath = paths.Of(method.Find("tasks"));

        Assert.Equal("tasks", tasksPath.ToString());
        Assert.Equal(tasksPath, paths.Of(method.Find("task")));
        Assert.Equal(tasksPath, paths.Of(method.Find("tasks[0]")));
        Assert.Equal(tasksPath, paths.Of(method.Find("t")));
        Assert.Equal("jobs.Work", paths.Of(method.Find("job.Work")).ToString());
    }

    [Fact]
    public async Task AntecedentOfAContinuation_KeepsItsOwnPath()
    {
        var method = await MethodUnderTest.CompileAsync("""
            return await GetUserAsync(input).ContinueWith(previous => previous.Result);
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);

        Assert.Equal("previous", paths.Of(method.Find("previous")).ToString());
    }

    [Fact]
    public async Task CallsAndLiterals_HaveNoPath()
    {
        var method = await MethodUnderTest.CompileAsync("""
            return GetUserAsync(input).Result + "x";
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);

        Assert.True(paths.Of(method.Find("GetUserAsync(input)")).IsNone);
        Assert.True(paths.Of(method.Find("\"x\"")).IsNone);
        Assert.NotEqual(AccessPath.None, paths.Of(method.Find("input")));
    }

    [Fact]
    public async Task BrokenCode_HasNoPathAndDoesNotThrow()
    {
        var method = await MethodUnderTest.CompileAsync("""
            foreach (var t in missing) { var r = t.Result; }
            var s = missing.Select(x => x.Result).ToList();
            return missing.Result;
            """);
        var paths = new AccessPaths(method.Blocks, method.Members);

        Assert.True(paths.Of(method.Find("missing.Result", 0)).IsNone);
        Assert.True(paths.Of(method.Find("t.Result")).IsNone);
    }
}
