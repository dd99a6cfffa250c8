using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What one deployment file says, read once per <see cref="SourceText"/>: the handler strings of its functions. The
/// format is taken from the content, so that a file listed under another name works too: <c>function-handler</c> of
/// <c>aws-lambda-tools-defaults.json</c> (unless it names a <c>template</c>, whose functions then count), the
/// <c>Handler</c> of each <c>AWS::Serverless::Function</c> or <c>AWS::Lambda::Function</c> of a CloudFormation or SAM
/// template (SAM's <c>Globals.Function.Handler</c> as the default; container images have none), and the
/// <c>handler</c> of each Serverless Framework function. Values given through an intrinsic function are unknown and
/// name nothing.
/// </summary>
internal sealed class DeploymentFile
{
    /// <summary>The file names that are deployment files, looked up by the package's build targets.</summary>
    private static readonly ImmutableArray<string> FileNames = ImmutableArray.Create(
        "aws-lambda-tools-defaults.json", "serverless.template", "template.yaml", "template.yml", "serverless.yml", "serverless.yaml");

    private static readonly AdditionalFileCache<DeploymentFile> s_files = new(text => Read(text));

    private DeploymentFile(ImmutableArray<HandlerString> handlers, ImmutableArray<DeploymentNode> malformedHandlers, DeploymentFileProblem? problem)
    {
        Handlers = handlers;
        MalformedHandlers = malformedHandlers;
        Problem = problem;
    }

    public ImmutableArray<HandlerString> Handlers { get; }

    /// <summary>Handler values with <c>::</c> that do not split into three non-empty parts.</summary>
    public ImmutableArray<DeploymentNode> MalformedHandlers { get; }

    /// <summary>
    /// Why the file could not be read (it then names no handler), or null: also for an empty file or one of comments only,
    /// which is read and names no function.
    /// </summary>
    public DeploymentFileProblem? Problem { get; }

    /// <summary>
    /// The facts of an additional file that is a deployment file (by its name), read once per text; null for any other
    /// file and for one whose text cannot be read.
    /// </summary>
    public static DeploymentFile? TryGet(AdditionalText file, CancellationToken cancellationToken) =>
        IsDeploymentFileName(file.Path) ? s_files.Get(file, cancellationToken) : null;

    private static bool IsDeploymentFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        foreach (var known in FileNames)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static DeploymentFile Read(SourceText text)
    {
        var root = DeploymentFileReader.Read(text, out var problem);
        var values = new List<DeploymentNode>();
        if (root is not null)
        {
            AddToolsDefaultsHandler(root, values);
            AddTemplateHandlers(root, values);
            AddServerlessHandlers(root, values);
        }

        var handlers = ImmutableArray.CreateBuilder<HandlerString>();
        var malformed = ImmutableArray.CreateBuilder<DeploymentNode>();
        foreach (var value in values)
        {
            if (value.Scalar is not { } written)
            {
                continue;
            }

            if (HandlerString.TryParse(written, value.Line, value.Column, value.Span) is { } handler)
            {
                handlers.Add(handler);
            }
            else if (written.IndexOf("::", StringComparison.Ordinal) >= 0)
            {
                malformed.Add(value);
            }
        }

        return new DeploymentFile(handlers.ToImmutable(), malformed.ToImmutable(), problem);
    }

    private static void AddToolsDefaultsHandler(DeploymentNode root, List<DeploymentNode> handlers)
    {
        if (root["template"] is null)
        {
            Add(root["function-handler"], handlers);
        }
    }

    private static void AddTemplateHandlers(DeploymentNode root, List<DeploymentNode> handlers)
    {
        if (root["Resources"]?.Mapping is not { } resources)
        {
            return;
        }

        var globalHandler = root["Globals"]?["Function"]?["Handler"];
        foreach (var resource in resources)
        {
            if (resource.Value["Type"]?.Scalar is not ("AWS::Serverless::Function" or "AWS::Lambda::Function"))
            {
                continue;
            }

            var properties = resource.Value["Properties"];
            if (properties?["PackageType"]?.Scalar == "Image")
            {
                continue;
            }

            Add(properties?["Handler"] ?? globalHandler, handlers);
        }
    }

    private static void AddServerlessHandlers(DeploymentNode root, List<DeploymentNode> handlers)
    {
        if (root["functions"]?.Mapping is not { } functions)
        {
            return;
        }

        foreach (var function in functions)
        {
            Add(function.Value["handler"], handlers);
        }
    }

    private static void Add(DeploymentNode? value, List<DeploymentNode> handlers)
    {
        if (value?.Scalar is not null)
        {
            handlers.Add(value);
        }
    }
}
