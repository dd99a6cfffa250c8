using Xunit;

namespace LambdaAnalyzers.Tests.Model;

public sealed class TaskCompletionTests
{
    [Fact]
    public async Task AwaitedTask_IsCompleteOnlyAfterTheAwait()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            var before = user.Result;
            await user.ConfigureAwait(false);
            return before + user.Result;
            """);
        var completion = method.Completion();

        Assert.False(completion.IsComplete(method.Find("user"), method.PositionOf("user.Result", 0)));
        Assert.True(completion.IsComplete(method.Find("user", 2), method.PositionOf("user.Result", 1)));
    }

    [Fact]
    public async Task TasksOfAnAwaitedWhenAll_AreCompleteAfterIt()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var first = GetUserAsync("a");
            var second = GetUserAsync("b");
            var third = GetUserAsync("c");
            await Task.WhenAll(first, second);
            return first.Result + second.Result + third.Result;
            """);
        var completion = method.Completion();
        var position = method.PositionOf("first.Result");

        Assert.True(completion.IsComplete(method.Find("first", 1), position));
        Assert.True(completion.IsComplete(method.Find("second", 1), position));
        Assert.False(completion.IsComplete(method.Find("third"), position));
    }

    [Fact]
    public async Task AwaitedWhenAny_CompletesTheTaskItReturnedAndTasksComparedWithIt()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var first = GetUserAsync("a");
            var second = GetUserAsync("b");
            var done = await Task.WhenAny(first, second);
            var early = first.Result;
            return done == second ? done.Result + second.Result : "";
            """);
        var completion = method.Completion();

        Assert.True(completion.IsKnownComplete(method.Find("done", 1)));
        Assert.True(completion.IsKnownComplete(method.Find("await Task.WhenAny(first, second)")));
        Assert.False(completion.IsComplete(method.Find("first", 1), method.PositionOf("first.Result")));
        Assert.True(completion.IsComplete(method.Find("second", 2), method.PositionOf("second.Result")));
    }

    [Fact]
    public async Task TaskComparedWithDefault_IsNotComplete()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            return user != default ? user.Result : "";
            """);
        var completion = method.Completion();

        Assert.False(completion.IsComplete(method.Find("user", 1), method.PositionOf("user.Result")));
    }

    [Fact]
    public async Task CompletionCheckAndEarlierWait_CompleteTheTask()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var user = GetUserAsync(input);
            var other = GetUserAsync("other");
            other.Wait();
            return user.IsCompleted ? user.Result + other.Result : "";
            """);
        var completion = method.Completion();

        Assert.True(completion.IsComplete(method.Find("user", 1), method.PositionOf("user.Result")));
        Assert.True(completion.IsComplete(method.Find("other", 1), method.PositionOf("other.Result")));
        Assert.False(completion.IsComplete(method.Find("other"), method.PositionOf("other.Wait()")));
    }

    [Fact]
    public async Task CompletedTasksAntecedentsAndLocalsAssignedOnlyThose_AreKnownComplete()
    {
        var method = await MethodUnderTest.CompileAsync("""
            var cached = Task.FromResult(input);
            var pending = GetUserAsync(input);
            var length = await pending.ContinueWith(previous => previous.Result.Length);
            return cached.Result + Task.CompletedTask.IsCompleted + pending.Result + length;
            """);
        var completion = method.Completion();

        Assert.True(completion.IsKnownComplete(method.Find("cached")));
        Assert.True(completion.IsKnownComplete(method.Find("Task.CompletedTask")));
        Assert.True(completion.IsKnownComplete(method.Find("previous")));
        Assert.False(completion.IsKnownComplete(method.Find("pending", 1)));
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        var method = await MethodUnderTest.CompileAsync("""
            await Task.WhenAll(;
            var done = await Task.WhenAny(missing, );
            Task.WaitAll(missing, 
            return missing.Result == done ? done.Result : missing.Result;
            """);
        var completion = method.Completion();

        Assert.False(completion.IsComplete(method.Find("missing", 3), method.PositionOf("missing.Result", 1)));
    }
}
