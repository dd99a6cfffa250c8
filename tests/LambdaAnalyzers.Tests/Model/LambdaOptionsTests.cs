using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The typed readers of the options: defaults and the values each accepts.</summary>
public sealed class LambdaOptionsTests
{
    [Fact]
    public void EphemeralStorage_AcceptsOnlyTheLambdaRange()
    {
        Assert.Equal(512, LambdaOptions.ParseEphemeralStorageMegabytes(null));
        Assert.Equal(512, LambdaOptions.ParseEphemeralStorageMegabytes("511"));
        Assert.Equal(10240, LambdaOptions.ParseEphemeralStorageMegabytes("10240"));
        Assert.Equal(512, LambdaOptions.ParseEphemeralStorageMegabytes("10241"));
        Assert.Equal(512, LambdaOptions.ParseEphemeralStorageMegabytes("-1024"));
        Assert.Equal(2048, LambdaOptions.ParseEphemeralStorageMegabytes("2048"));
    }

    [Theory]
    [InlineData(null, 500)]
    [InlineData("0", 0)]
    [InlineData(" 750 ", 750)]
    [InlineData("900000", 900000)]
    [InlineData("900001", 500)]
    [InlineData("-1", 500)]
    [InlineData("soon", 500)]
    public void DeadlineMargin_AcceptsZeroToFifteenMinutes(string? value, int expected) =>
        Assert.Equal(expected, LambdaOptions.ParseDeadlineMarginMilliseconds(value));

    [Theory]
    [InlineData(null, "")]
    [InlineData("price-order", "price-order")]
    [InlineData(" price-order | tax-rates |", "price-order,tax-rates")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:price-order|price-order:live", "arn:aws:lambda:eu-west-1:123456789012:function:price-order,price-order:live")]
    public void AllowedFunctions_AreTheNamesBetweenBars(string? value, string expected) =>
        Assert.Equal(expected, string.Join(",", LambdaOptions.ParseAllowedFunctions(value).Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData("net8.0", "net8.0")]
    [InlineData(" net6.0-windows ", "net6.0-windows")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TargetFramework_IsTheBuildProperty_NullWhenNotVisible(string? value, string? expected)
    {
        var values = new Dictionary<string, string>();
        if (value is not null)
        {
            values["build_property.TargetFramework"] = value;
        }

        Assert.Equal(expected, LambdaOptions.TargetFramework(new AnalyzerOptions([], new InMemoryConfigOptions(values))));
    }
}
