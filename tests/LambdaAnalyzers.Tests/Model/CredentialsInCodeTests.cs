using LambdaAnalyzers.Lambda;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The shapes of AWS keys that <see cref="CredentialsInCode"/> takes for real keys.</summary>
public sealed class CredentialsInCodeTests
{
    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", true)]
    [InlineData("ASIAY34FZKBOKMUTVV7A", true)]
    [InlineData("AKIA0000000000000000", true)]
    [InlineData("AKIAiosfodnn7example", false)]
    [InlineData("AKIAIOSFODNN7EXAMPL", false)]
    [InlineData("AKIAIOSFODNN7EXAMPLE0", false)]
    [InlineData("AIDAIOSFODNN7EXAMPLE", false)]
    [InlineData("AKIA_OSFODNN7EXAMPLE", false)]
    [InlineData("test", false)]
    [InlineData("", false)]
    public void AccessKeyId(string text, bool expected) => Assert.Equal(expected, CredentialsInCode.IsAccessKeyId(text));

    [Theory]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", true)]
    [InlineData("k3j9s8d7f6g5h4j3k2l1q0w9e8r7t6y5u4i3o2p1", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ+/0123456789AB", true)]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false)]
    [InlineData("SECRETSECRETSECRETSECRETSECRETSECRETSECR", false)]
    [InlineData("0000000000000000000000000000000000000000", false)]
    [InlineData("your-secret-access-key-goes-here-1234567", false)]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", false)]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1", false)]
    [InlineData("fakeSecretAccessKey", false)]
    public void SecretKey(string text, bool expected) => Assert.Equal(expected, CredentialsInCode.IsSecretKey(text));
}
