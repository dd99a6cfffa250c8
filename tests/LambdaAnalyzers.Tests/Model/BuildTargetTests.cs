using LambdaAnalyzers.Lambda;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>Which functions' runtimes a build's target framework is deployed as.</summary>
public sealed class BuildTargetTests
{
    [Theory]
    [InlineData("net8.0", "dotnet8", true)]
    [InlineData("net8.0-windows", "dotnet8", true)]
    [InlineData("NET8.0", "dotnet8", true)]
    [InlineData("net6.0", "dotnet6", true)]
    [InlineData("net10.0", "dotnet10", true)]
    [InlineData("net8.0", "dotnet6", false)]
    [InlineData("net6.0", "dotnet8", false)]
    [InlineData("net8.0-windows", "dotnet6", false)]
    public void ManagedRuntime_MatchesTheFrameworkOfItsVersion(string targetFramework, string runtime, bool expected) =>
        Assert.Equal(expected, new BuildTarget(targetFramework).IsDeployedAs(runtime));

    [Theory]
    [InlineData("provided")]
    [InlineData("provided.al2")]
    [InlineData("provided.al2023")]
    public void CustomRuntime_RunsAnyBuild(string runtime)
    {
        Assert.True(new BuildTarget("net8.0").IsDeployedAs(runtime));
        Assert.True(new BuildTarget("net6.0").IsDeployedAs(runtime));
    }

    [Theory]
    [InlineData("net8.0", null)]
    [InlineData("net8.0", "dotnetcore3.1")]
    [InlineData("net8.0", "java21")]
    [InlineData("net8.0", "")]
    [InlineData(null, "dotnet6")]
    [InlineData("netstandard2.0", "dotnet6")]
    [InlineData("netcoreapp3.1", "dotnet6")]
    [InlineData("net48", "dotnet6")]
    [InlineData("net", "dotnet6")]
    public void UnknownRuntimeOrFramework_AppliesNoGuard(string? targetFramework, string? runtime) =>
        Assert.True(new BuildTarget(targetFramework).IsDeployedAs(runtime));
}
