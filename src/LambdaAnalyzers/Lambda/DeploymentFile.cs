using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What one deployment file says, read once per <see cref="SourceText"/>: the handler strings of its functions. The
/// format is taken from the content, so that a file listed under another name works too: <c>function-handler</c> of
/// <c>aws-lambda-tools-defaults.json</c> (unless it names a <c>template</c>, whose functions then count), the
/// <c>Handler</c> of each <c>AWS::Serverless::Function</c> or <c>AWS::Lambda::Function</c> of a CloudFormation or SAM
/// template (<see cref="TemplateFunction"/>: SAM's <c>Globals.Function.Handler</c> as the default; a container image's
/// <c>ImageConfig.Command[0]</c>), and the
/// <c>handler</c> of each Serverless Framework function. Values given through an intrinsic function are unknown and
/// name nothing. Each handler string carries its function's runtime (<see cref="HandlerString.Runtime"/>):
/// <c>function-runtime</c>, the resource's <c>Runtime</c> (SAM's <c>Globals.Function.Runtime</c> as the default), the
/// function's <c>runtime</c> (the <c>provider</c>'s as the default).
/// </summary>
internal sealed class DeploymentFile
{
    /// <summary>The file names that are deployment files, looked up by the package's build targets; others are marked.</summary>
    private static readonly ImmutableArray<string> FileNames = ImmutableArray.Create(
        "aws-lambda-tools-defaults.json", "serverless.template", "template.yaml", "template.yml", "serverless.yml", "serverless.yaml");

    private static readonly AdditionalFileCache<DeploymentFile> s_files = new(text => Read(text));

    private DeploymentFile(
        ImmutableArray<HandlerString> handlers, ImmutableArray<MalformedHandler> malformedHandlers, DeploymentFileProblem? problem, ImmutableArray<FunctionLimits> limits, bool namesTemplate)
    {
        NamesTemplate = namesTemplate;
        Limits = limits;
        Handlers = handlers;
        MalformedHandlers = malformedHandlers;
        Problem = problem;
    }

    public ImmutableArray<HandlerString> Handlers { get; }

    /// <summary>
    /// Whether this is an <c>aws-lambda-tools-defaults.json</c> that names a <c>template</c> and has a
    /// <c>function-handler</c>: that function is the template's when the template declares its handler too.
    /// </summary>
    public bool NamesTemplate { get; }

    /// <summary>
    /// The handler strings this file answers for: all of them, except, in tools defaults that name a template, a handler
    /// string that another deployment file of the project declares (the template's function is the one deployed).
    /// </summary>
    public IEnumerable<HandlerString> HandlersToCheck(ImmutableArray<AdditionalText> files, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (!NamesTemplate)
        {
            return Handlers;
        }

        var declaredElsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in files)
        {
            if (TryGet(other, options, cancellationToken) is { } facts && !ReferenceEquals(facts, this))
            {
                foreach (var handler in facts.Handlers)
                {
                    declaredElsewhere.Add(handler.Text.Trim());
                }
            }
        }

        var own = new List<HandlerString>(Handlers.Length);
        foreach (var handler in Handlers)
        {
            if (!declaredElsewhere.Contains(handler.Text.Trim()))
            {
                own.Add(handler);
            }
        }

        return own;
    }

    /// <summary>Handler values with <c>::</c> that do not split into three non-empty parts.</summary>
    public ImmutableArray<MalformedHandler> MalformedHandlers { get; }

    /// <summary>The functions the file declares, with their timeout, memory and ephemeral storage (<see cref="FunctionLimits"/>).</summary>
    public ImmutableArray<FunctionLimits> Limits { get; }

    /// <summary>
    /// Why the file could not be read (it then names no handler), or null: also for an empty file or one of comments only,
    /// which is read and names no function.
    /// </summary>
    public DeploymentFileProblem? Problem { get; }

    /// <summary>
    /// The facts of an additional file that is a deployment file, read once per text; null for any other file and for
    /// one whose text cannot be read. A file is a deployment file by its name, or when its item carries the metadata
    /// <c>LambdaAnalyzersDeploymentFile="true"</c> (the package's build targets set it on the files a project lists in
    /// <c>LambdaAnalyzersDeploymentFiles</c>, whatever their names).
    /// </summary>
    public static DeploymentFile? TryGet(AdditionalText file, AnalyzerOptions options, CancellationToken cancellationToken) =>
        IsDeploymentFile(file, options) ? s_files.Get(file, cancellationToken) : null;

    private static bool IsDeploymentFile(AdditionalText file, AnalyzerOptions options) =>
        IsDeploymentFileName(file.Path) || LambdaOptions.IsMarkedDeploymentFile(options.AnalyzerConfigOptionsProvider.GetOptions(file));

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
        var functions = new List<FunctionValues>();
        if (root is not null)
        {
            AddToolsDefaultsFunction(root, functions);
            AddTemplateFunctions(root, functions);
            AddServerlessFunctions(root, functions);
        }

        var handlers = ImmutableArray.CreateBuilder<HandlerString>();
        var malformed = ImmutableArray.CreateBuilder<MalformedHandler>();
        foreach (var function in functions)
        {
            var value = function.Handler;
            if (value.Scalar is not { } written)
            {
                continue;
            }

            var runtime = RuntimeOf(function.Runtime);
            if (HandlerString.TryParse(written, value.Line, value.Column, value.Span, runtime) is { } handler)
            {
                handlers.Add(handler);
            }
            else if (written.IndexOf("::", StringComparison.Ordinal) >= 0)
            {
                malformed.Add(new MalformedHandler(written, value.Span, runtime));
            }
        }

        var limits = root is null ? ImmutableArray<FunctionLimits>.Empty : FunctionLimits.Read(root);
        var namesTemplate = root?["template"] is not null && root["function-handler"] is not null;
        return new DeploymentFile(handlers.ToImmutable(), malformed.ToImmutable(), problem, limits, namesTemplate);
    }

    /// <summary>A runtime as written, or null when absent or unknown: an intrinsic, or a Serverless Framework variable.</summary>
    internal static string? RuntimeOf(DeploymentNode? value) =>
        value?.Scalar?.Trim() is { Length: > 0 } runtime && runtime.IndexOf("${", StringComparison.Ordinal) < 0 ? runtime : null;

    private static void AddToolsDefaultsFunction(DeploymentNode root, List<FunctionValues> functions)
    {
        // Also when the file names a template: `dotnet lambda deploy-function` deploys this function, and the template's
        // values win only for a function the template declares (HandlersToCheck, FunctionLimitsCatalog).
        Add(root["function-handler"], root["function-runtime"], functions);
    }

    private static void AddTemplateFunctions(DeploymentNode root, List<FunctionValues> functions)
    {
        foreach (var function in TemplateFunction.Read(root))
        {
            Add(function.Handler, function.Runtime, functions);
        }
    }

    private static void AddServerlessFunctions(DeploymentNode root, List<FunctionValues> functions)
    {
        if (root["functions"]?.Mapping is not { } declared)
        {
            return;
        }

        var providerRuntime = root["provider"]?["runtime"];
        foreach (var function in declared)
        {
            Add(function.Value["handler"], function.Value["runtime"] ?? providerRuntime, functions);
        }
    }

    private static void Add(DeploymentNode? handler, DeploymentNode? runtime, List<FunctionValues> functions)
    {
        if (handler?.Scalar is not null)
        {
            functions.Add(new FunctionValues(handler, runtime));
        }
    }

    /// <summary>The values of one function that the model reads.</summary>
    private readonly struct FunctionValues
    {
        public FunctionValues(DeploymentNode handler, DeploymentNode? runtime)
        {
            Handler = handler;
            Runtime = runtime;
        }

        public DeploymentNode Handler { get; }

        public DeploymentNode? Runtime { get; }
    }
}
