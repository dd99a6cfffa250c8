using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// One function of a deployment file (or of a <c>[LambdaFunction]</c> attribute) and the limits it is deployed with: its
/// timeout, memory and ephemeral storage. Each value comes from the function's own entry, then the file's defaults
/// (SAM's <c>Globals.Function</c>, for <c>AWS::Serverless::Function</c> resources; the Serverless Framework's
/// <c>provider</c>), then the format's: 3 s, 128 MB and 512 MB for a CloudFormation or SAM template, 6 s, 1,024 MB and
/// 512 MB for the Serverless Framework. <c>aws-lambda-tools-defaults.json</c> has no defaults: deploying with
/// Amazon.Lambda.Tools leaves the values it is not given as the existing function has them. A value written with an
/// intrinsic function (<c>!Ref</c>, <c>!Sub</c>, <c>Fn::If</c>, ...), a variable (<c>${...}</c>), or that is not an
/// integer in Lambda's range is unknown (null).
/// </summary>
internal sealed class FunctionLimits
{
    public const int TemplateDefaultTimeoutSeconds = 3;
    public const int ServerlessDefaultTimeoutSeconds = 6;
    public const int TemplateDefaultMemoryMegabytes = 128;
    public const int ServerlessDefaultMemoryMegabytes = 1024;
    public const int DefaultEphemeralStorageMegabytes = LambdaOptions.DefaultEphemeralStorageMegabytes;

    private const int MinimumMemoryMegabytes = 128;
    private const int MaximumMemoryMegabytes = 10240;

    /// <summary>The longest timeout Lambda allows (on Lambda Managed Instances; 900 s elsewhere).</summary>
    private const int MaximumTimeoutSeconds = 5400;

    public FunctionLimits(
        string name,
        FunctionLimitsSource source,
        string? handler,
        int? timeoutSeconds,
        int? memoryMegabytes,
        int? ephemeralStorageMegabytes,
        string? codeUri = null,
        string? annotationsHandler = null)
    {
        Name = name;
        Source = source;
        Handler = handler;
        TimeoutSeconds = timeoutSeconds;
        MemoryMegabytes = memoryMegabytes;
        EphemeralStorageMegabytes = ephemeralStorageMegabytes;
        CodeUri = codeUri;
        AnnotationsHandler = annotationsHandler;
    }

    /// <summary>
    /// The function's name for messages: the template's logical ID, the Serverless Framework's function key,
    /// <c>function-name</c> (or the handler string) of <c>aws-lambda-tools-defaults.json</c>, an Annotations resource name.
    /// </summary>
    public string Name { get; }

    public FunctionLimitsSource Source { get; }

    /// <summary>The handler as written, trimmed; null when unknown or absent.</summary>
    public string? Handler { get; }

    public int? TimeoutSeconds { get; }

    public int? MemoryMegabytes { get; }

    public int? EphemeralStorageMegabytes { get; }

    /// <summary>A template's <c>CodeUri</c> as written (a path relative to the template's folder), or null.</summary>
    public string? CodeUri { get; }

    /// <summary>
    /// The <c>ANNOTATIONS_HANDLER</c> environment variable of the function: with Annotations' <c>GenerateMain</c>, the
    /// handler is the assembly name and this variable names the <c>[LambdaFunction]</c> method the executable runs.
    /// </summary>
    public string? AnnotationsHandler { get; }

    /// <summary>Whether a template (CloudFormation, SAM or the Serverless Framework) declares the function.</summary>
    public bool IsFromTemplate => Source is FunctionLimitsSource.Template or FunctionLimitsSource.Serverless;

    /// <summary>
    /// These limits with the values of a <c>[LambdaFunction]</c> attribute first: the attribute is the source the
    /// generated template is written from.
    /// </summary>
    public FunctionLimits WithAttributeValues(int? timeoutSeconds, int? memoryMegabytes) => new(
        Name,
        Source,
        Handler,
        timeoutSeconds ?? TimeoutSeconds,
        memoryMegabytes ?? MemoryMegabytes,
        EphemeralStorageMegabytes,
        CodeUri,
        AnnotationsHandler);

    /// <summary>The function with the shortest known timeout, or null when none is known.</summary>
    public static FunctionLimits? WithShortestTimeout(ImmutableArray<FunctionLimits> functions)
    {
        FunctionLimits? shortest = null;
        foreach (var function in functions)
        {
            if (function.TimeoutSeconds is { } seconds && (shortest is null || seconds < shortest.TimeoutSeconds))
            {
                shortest = function;
            }
        }

        return shortest;
    }

    /// <summary>The function with the smallest known ephemeral storage, or null when none is known.</summary>
    public static FunctionLimits? WithSmallestEphemeralStorage(ImmutableArray<FunctionLimits> functions)
    {
        FunctionLimits? smallest = null;
        foreach (var function in functions)
        {
            if (function.EphemeralStorageMegabytes is { } megabytes && (smallest is null || megabytes < smallest.EphemeralStorageMegabytes))
            {
                smallest = function;
            }
        }

        return smallest;
    }

    /// <summary>The functions a deployment file declares, with their limits, in the order the file gives them.</summary>
    public static ImmutableArray<FunctionLimits> Read(DeploymentNode root)
    {
        var functions = ImmutableArray.CreateBuilder<FunctionLimits>();
        ReadToolsDefaults(root, functions);
        ReadTemplate(root, functions);
        ReadServerless(root, functions);
        return functions.ToImmutable();
    }

    private static void ReadToolsDefaults(DeploymentNode root, ImmutableArray<FunctionLimits>.Builder functions)
    {
        // A file that names a template still describes the function `dotnet lambda deploy-function` deploys; for a
        // function the template declares too, the template's values win (FunctionLimitsCatalog).
        if (Text(root["function-handler"]) is not { } handler)
        {
            return;
        }

        functions.Add(new FunctionLimits(
            Text(root["function-name"]) ?? handler,
            FunctionLimitsSource.ToolsDefaults,
            handler,
            Timeout(root["function-timeout"], fallback: null),
            Memory(root["function-memory-size"], fallback: null),
            EphemeralStorage(root["ephemerals-storage-size"], fallback: null)));
    }

    private static void ReadTemplate(DeploymentNode root, ImmutableArray<FunctionLimits>.Builder functions)
    {
        foreach (var function in TemplateFunction.Read(root))
        {
            // An image has no CodeUri: its code is in the image.
            functions.Add(new FunctionLimits(
                function.Name,
                FunctionLimitsSource.Template,
                Text(function.Handler),
                Timeout(function.Get("Timeout"), TemplateDefaultTimeoutSeconds),
                Memory(function.Get("MemorySize"), TemplateDefaultMemoryMegabytes),
                EphemeralStorageSize(function.Get("EphemeralStorage")),
                function.IsImage ? null : Text(function.Get("CodeUri")),
                Text(function.Get("Environment")?["Variables"]?["ANNOTATIONS_HANDLER"])));
        }
    }

    private static void ReadServerless(DeploymentNode root, ImmutableArray<FunctionLimits>.Builder functions)
    {
        if (root["functions"]?.Mapping is not { } declared)
        {
            return;
        }

        var provider = root["provider"];
        foreach (var function in declared)
        {
            functions.Add(new FunctionLimits(
                function.Key,
                FunctionLimitsSource.Serverless,
                Text(function.Value["handler"]),
                Timeout(function.Value["timeout"] ?? provider?["timeout"], ServerlessDefaultTimeoutSeconds),
                Memory(function.Value["memorySize"] ?? provider?["memorySize"], ServerlessDefaultMemoryMegabytes),
                EphemeralStorage(function.Value["ephemeralStorageSize"] ?? provider?["ephemeralStorageSize"], DefaultEphemeralStorageMegabytes)));
        }
    }

    /// <summary><c>EphemeralStorage: { Size: n }</c>; absent, the default; any other form (an intrinsic) is unknown.</summary>
    private static int? EphemeralStorageSize(DeploymentNode? storage) =>
        storage is null ? DefaultEphemeralStorageMegabytes
        : storage.Mapping is null || storage.IsUnknown ? null
        : EphemeralStorage(storage["Size"], fallback: null);

    private static int? Timeout(DeploymentNode? value, int? fallback) => Integer(value, fallback, 1, MaximumTimeoutSeconds);

    private static int? Memory(DeploymentNode? value, int? fallback) => Integer(value, fallback, MinimumMemoryMegabytes, MaximumMemoryMegabytes);

    private static int? EphemeralStorage(DeploymentNode? value, int? fallback) =>
        Integer(value, fallback, LambdaOptions.DefaultEphemeralStorageMegabytes, LambdaOptions.MaximumEphemeralStorageMegabytes);

    /// <summary>
    /// An integer written as a plain or quoted scalar, within Lambda's range; <paramref name="fallback"/> when the key is
    /// absent; null for anything else (an intrinsic, a variable, a fraction, a value out of range).
    /// </summary>
    private static int? Integer(DeploymentNode? value, int? fallback, int minimum, int maximum)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value.Scalar?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : null;
    }

    /// <summary>A known scalar, trimmed; null when absent, empty, an intrinsic or holding a variable.</summary>
    private static string? Text(DeploymentNode? value) =>
        value?.Scalar?.Trim() is { Length: > 0 } text && text.IndexOf("${", StringComparison.Ordinal) < 0 ? text : null;

    /// <summary>For tests and debugging.</summary>
    public override string ToString() =>
        $"{Name}: {TimeoutSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"} s, {MemoryMegabytes?.ToString(CultureInfo.InvariantCulture) ?? "?"} MB, "
        + $"{EphemeralStorageMegabytes?.ToString(CultureInfo.InvariantCulture) ?? "?"} MB of /tmp";
}
