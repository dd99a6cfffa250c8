using System;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The framework this build targets (<c>build_property.TargetFramework</c>; in a multi-targeting project, each inner
/// build has its own), and which functions of the deployment files it is deployed as. A function of runtime
/// <c>dotnetN</c> runs the build for <c>netN.0</c> (<c>net8.0-windows</c> counts as <c>net8.0</c>); a custom runtime
/// (<c>provided</c>, <c>provided.al2</c>, <c>provided.al2023</c>) runs whichever build it is given. When the runtime or the
/// framework is unknown (absent, given through an intrinsic or a variable, or of another form), every function counts.
/// </summary>
internal sealed class BuildTarget
{
    private readonly int? _version;

    public BuildTarget(string? targetFramework)
    {
        TargetFramework = targetFramework;
        _version = ParseTargetFramework(targetFramework);
    }

    /// <summary>The target framework as MSBuild gives it, or null when it is not visible.</summary>
    public string? TargetFramework { get; }

    /// <summary>Whether a function of this runtime (null when unknown) may be deployed from this build.</summary>
    public bool IsDeployedAs(string? runtime) =>
        _version is not { } version || ParseRuntime(runtime) is not { } runtimeVersion || runtimeVersion == version;

    /// <summary>The major version of a <c>netN.M</c> framework (N of 5 or more), with or without a platform; null for any other.</summary>
    internal static int? ParseTargetFramework(string? targetFramework)
    {
        if (targetFramework is null || !targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var platform = targetFramework.IndexOf('-');
        var version = targetFramework.Substring(3, (platform < 0 ? targetFramework.Length : platform) - 3);
        var dot = version.IndexOf('.');
        return dot > 0 && ParseDigits(version.Substring(0, dot)) is { } major and >= 5 && ParseDigits(version.Substring(dot + 1)) is not null
            ? major
            : null;
    }

    /// <summary>
    /// The .NET major version of a managed runtime, <c>dotnetN</c>; null for a custom runtime, which runs any build, and for
    /// any other value.
    /// </summary>
    internal static int? ParseRuntime(string? runtime) =>
        runtime is not null && runtime.StartsWith("dotnet", StringComparison.Ordinal) ? ParseDigits(runtime.Substring(6)) : null;

    private static int? ParseDigits(string text)
    {
        if (text.Length is 0 or > 4)
        {
            return null;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
