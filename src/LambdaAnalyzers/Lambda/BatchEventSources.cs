using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The batch event sources of a CloudFormation or SAM template that do not turn on partial-batch responses
/// (<c>FunctionResponseTypes: [ReportBatchItemFailures]</c>), each with the handler string of its function: the SAM
/// events of type <c>SQS</c>, <c>Kinesis</c> and <c>DynamoDB</c> of each function, and the
/// <c>AWS::Lambda::EventSourceMapping</c> resources whose <c>FunctionName</c> refers to a function of the template
/// (<c>!Ref</c>, <c>!GetAtt Fn.Arn</c>, their long forms, or the function's <c>FunctionName</c>). A source whose response
/// types are written through an intrinsic is unknown and left out. Read once per text of a deployment file.
/// </summary>
internal sealed class BatchEventSources
{
    private static readonly AdditionalFileCache<BatchEventSources> s_files = new(Read);

    private static readonly BatchEventSources s_none = new(ImmutableArray<UnreportedBatchSource>.Empty);

    /// <summary>A SAM event's type or a mapping's resource type: a file without any of them has no batch source.</summary>
    private static readonly string[] s_batchWords = ["SQS", "Kinesis", "DynamoDB", "EventSourceMapping"];

    private BatchEventSources(ImmutableArray<UnreportedBatchSource> sources) => Sources = sources;

    /// <summary>The sources that leave partial-batch responses off.</summary>
    public ImmutableArray<UnreportedBatchSource> Sources { get; }

    /// <summary>The sources of an additional file that is a deployment file; null for any other file.</summary>
    public static BatchEventSources? TryGet(AdditionalText file, AnalyzerOptions options, CancellationToken cancellationToken) =>
        DeploymentFile.TryGet(file, options, cancellationToken) is null ? null : s_files.Get(file, cancellationToken);

    public static BatchEventSources Read(SourceText text)
    {
        // Most deployment files describe no batch source: those are not parsed a second time.
        if (!MayDescribeBatchSources(text))
        {
            return s_none;
        }

        var root = DeploymentFileReader.Read(text, out _);
        if (root?["Resources"]?.Mapping is not { } resources)
        {
            return s_none;
        }

        var functions = new Dictionary<string, (HandlerString Handler, string? FunctionName)>(StringComparer.Ordinal);
        var sources = ImmutableArray.CreateBuilder<UnreportedBatchSource>();
        foreach (var function in TemplateFunction.Read(root))
        {
            var properties = function.Properties;
            var handlerValue = function.Handler;
            var runtime = DeploymentFile.RuntimeOf(function.Runtime);
            if (handlerValue?.Scalar is not { } written || HandlerString.TryParse(written, handlerValue.Line, handlerValue.Column, handlerValue.Span, runtime) is not { } handler)
            {
                continue;
            }

            functions[function.Name] = (handler, properties?["FunctionName"]?.Scalar);
            if (properties?["Events"]?.Mapping is not { } events)
            {
                continue;
            }

            foreach (var source in events)
            {
                BatchFamily? family = source.Value["Type"]?.Scalar switch
                {
                    "SQS" => BatchFamily.Sqs,
                    "Kinesis" => BatchFamily.Kinesis,
                    "DynamoDB" => BatchFamily.DynamoDB,
                    _ => null,
                };
                if (family is not null && LeavesResponsesOff(source.Value) && !source.Value.KeySpan.IsEmpty)
                {
                    sources.Add(new UnreportedBatchSource(source.Key, source.Value.KeySpan, family, handler));
                }
            }
        }

        foreach (var resource in resources)
        {
            if (resource.Value["Type"]?.Scalar == "AWS::Lambda::EventSourceMapping"
                && LeavesResponsesOff(resource.Value)
                && FunctionOf(resource.Value["Properties"]?["FunctionName"], functions) is { } handler
                && !resource.Value.KeySpan.IsEmpty)
            {
                sources.Add(new UnreportedBatchSource(resource.Key, resource.Value.KeySpan, family: null, handler));
            }
        }

        return new BatchEventSources(sources.ToImmutable());
    }

    /// <summary>Whether the text names a batch event type or an event source mapping anywhere.</summary>
    private static bool MayDescribeBatchSources(SourceText text)
    {
        if (text.Length > DeploymentFileReader.MaximumLength)
        {
            return false;
        }

        var content = text.ToString();
        foreach (var word in s_batchWords)
        {
            if (content.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the source's known properties leave out <c>ReportBatchItemFailures</c>; false when they or its response
    /// types are unknown.
    /// </summary>
    private static bool LeavesResponsesOff(DeploymentNode source)
    {
        if (source["Properties"] is not { Mapping: not null, IsUnknown: false } properties)
        {
            return false;
        }

        var types = properties["FunctionResponseTypes"];
        if (types is null)
        {
            return true;
        }

        if (types is not { Sequence: { } items, IsUnknown: false })
        {
            return false;
        }

        foreach (var item in items)
        {
            if (item.Scalar is null || item.Scalar == "ReportBatchItemFailures")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The handler of the template's function a mapping's <c>FunctionName</c> refers to, or null.</summary>
    private static HandlerString? FunctionOf(DeploymentNode? name, Dictionary<string, (HandlerString Handler, string? FunctionName)> functions)
    {
        if (name is null)
        {
            return null;
        }

        if (LogicalId(name) is { } id)
        {
            return functions.TryGetValue(id, out var function) ? function.Handler : null;
        }

        if (name.Scalar is { Length: > 0 } written)
        {
            foreach (var function in functions.Values)
            {
                if (function.FunctionName is { Length: > 0 } functionName
                    && (written == functionName || written.EndsWith(":function:" + functionName, StringComparison.Ordinal)))
                {
                    return function.Handler;
                }
            }
        }

        return null;
    }

    /// <summary>The resource a reference names: <c>!Ref Fn</c>, <c>!GetAtt Fn.Arn</c>, <c>!GetAtt [Fn, Arn]</c>, and their long forms.</summary>
    private static string? LogicalId(DeploymentNode value)
    {
        switch (value.Tag)
        {
            case "!Ref":
                return value.Text;
            case "!GetAtt":
                return value.Text is { } attribute ? BeforeDot(attribute) : FirstItem(value);
        }

        if (value["Ref"]?.Scalar is { } reference)
        {
            return reference;
        }

        return value["Fn::GetAtt"] is { } getAtt ? getAtt.Scalar is { } text ? BeforeDot(text) : FirstItem(getAtt) : null;
    }

    private static string? BeforeDot(string attribute)
    {
        var dot = attribute.IndexOf('.');
        return dot > 0 ? attribute.Substring(0, dot) : null;
    }

    private static string? FirstItem(DeploymentNode sequence) => sequence.Sequence is { Count: 2 } items ? items[0].Scalar : null;
}
