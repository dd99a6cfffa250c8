using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

public sealed class TaskMembersTests
{
    [Theory]
    [InlineData("Task.WaitAll(first, second)")]
    [InlineData("Task.WaitAll(new[] { first, second })")]
    [InlineData("Task.WaitAll(new Task[] { first, second }, 1000)")]
    [InlineData("Task.WaitAll([first, second])")]
    [InlineData("Task.WaitAny(new[] { first, second })")]
    public async Task TasksBuiltInTheCall_AreTakenElementByElement(string wait)
    {
        var method = await MethodUnderTest.CompileAsync($$"""
            var first = GetUserAsync("a");
            var second = GetUserAsync("b");
            {{wait}};
            return "";
            """);

        var tasks = method.Members.WaitedTasks((IInvocationOperation)method.Find(wait));

        Assert.Equal(["first", "second"], tasks.Select(task => task.Syntax.ToString()));
    }

    [Fact]
    public async Task ArrayPassed_IsOneTask()
    {
        var method = await MethodUnderTest.CompileAsync("""
            Task.WaitAll(tasks);
            return "";
            """);

        var task = Assert.Single(method.Members.WaitedTasks((IInvocationOperation)method.Find("Task.WaitAll(tasks)")));

        Assert.Equal("tasks", task.Syntax.ToString());
    }

    [Theory]
    [InlineData("tasks[0].Wait()", "tasks[0]")]
    [InlineData("tasks[0].ConfigureAwait(false).GetAwaiter().GetResult()", "tasks[0].ConfigureAwait(false)")]
    public async Task WaitAndGetResultIdiom_WaitOnTheirReceiver(string wait, string task)
    {
        var method = await MethodUnderTest.CompileAsync(wait + ";\nreturn \"\";");

        Assert.Equal(task, Assert.Single(method.Members.WaitedTasks((IInvocationOperation)method.Find(wait))).Syntax.ToString());
    }

    [Fact]
    public async Task OtherCalls_WaitOnNothing()
    {
        var method = await MethodUnderTest.CompileAsync("""
            System.Threading.Thread.Sleep(1);
            var awaiter = tasks[0].GetAwaiter();
            return awaiter.GetResult();
            """);

        Assert.True(method.Members.WaitedTasks((IInvocationOperation)method.Find("System.Threading.Thread.Sleep(1)")).IsDefault);
        Assert.True(method.Members.WaitedTasks((IInvocationOperation)method.Find("awaiter.GetResult()")).IsDefault);
        Assert.Equal(TaskMember.Sleep, method.Members.Get(((IInvocationOperation)method.Find("System.Threading.Thread.Sleep(1)")).TargetMethod));
    }
}
