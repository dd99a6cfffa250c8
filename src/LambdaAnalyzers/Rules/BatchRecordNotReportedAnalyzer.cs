using System.Collections.Generic;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0015: a handler of an SQS, Kinesis or DynamoDB batch that returns a partial-batch response, and loses a failed
/// record: a catch of its per-record loop that neither rethrows, nor reports the record, nor hands it on (the record
/// counts as processed); a catch that reports an SQS message and ends the loop, leaving the messages after it
/// unreported; an <c>ItemIdentifier</c> that is not the record's identifier; and, in a deployment file, a batch event
/// source of such a handler's function without <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>. The loop may
/// sit in a method whose response the handler returns (<see cref="PartialBatchHandler"/>), with the chain in the message.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchRecordNotReportedAnalyzer : DiagnosticAnalyzer
{
    private static readonly RuleDescriptors s_descriptors = new(
        RuleIdentifiers.BatchRecordNotReported,
        "Report failed batch records",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "A handler that returns SQSBatchResponse or StreamsEventResponse tells Lambda which records of the batch failed; every " +
            "record it does not name counts as processed: an SQS message is deleted, a stream moves past the record. A failure " +
            "that is caught and only logged loses the record. Report it in BatchItemFailures by its MessageId (SQS) or sequence " +
            "number (streams), or rethrow, and turn on ReportBatchItemFailures on the event source.");

    internal static readonly DiagnosticDescriptor DroppedRule = s_descriptors.Create(
        "The record is dropped when processing fails: it is neither rethrown nor reported in 'BatchItemFailures', so {0}");

    internal static readonly DiagnosticDescriptor LoopEndRule = s_descriptors.Create(
        "The loop ends after reporting this message; the messages after it are not reported either, so they are deleted without being processed");

    internal static readonly DiagnosticDescriptor IdentifierRule = s_descriptors.Create(
        "The item identifier is {0}, not the record's {1}; Lambda fails the whole batch when an identifier names none of its records");

    internal static readonly DiagnosticDescriptor EventSourceRule = s_descriptors.Create(
        "'{0}' does not set 'FunctionResponseTypes: [ReportBatchItemFailures]'; Lambda ignores the failures the handler returns, so {1}");

    /// <summary>Diagnostic property of a dropped record that the fix can report: the members from the record to its identifier.</summary>
    internal const string IdPathProperty = "IdPath";

    /// <summary>Diagnostic property: <see cref="ListLocal"/> or <see cref="ListResponse"/>.</summary>
    internal const string ListProperty = "List";

    /// <summary>The failure list is a local list (additional location 1: its declaration).</summary>
    internal const string ListLocal = "Local";

    /// <summary>The failure list is the <c>BatchItemFailures</c> of a response local (additional location 1: its declaration).</summary>
    internal const string ListResponse = "Response";

    /// <summary>Diagnostic property: <see cref="RecordVariable"/> or <see cref="RecordExpression"/>.</summary>
    internal const string RecordProperty = "Record";

    /// <summary>The record is a variable (additional location 0: its declaration).</summary>
    internal const string RecordVariable = "Variable";

    /// <summary>The record is written <c>Records[i]</c> (additional location 0: such an expression in the loop).</summary>
    internal const string RecordExpression = "Expression";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Reached.WithTwins(DroppedRule, LoopEndRule, IdentifierRule).Add(EventSourceRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext) is not { } model || BatchSymbols.Get(model.Compilation) is not { HasResponses: true } symbols)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext => AnalyzeBlock(blockContext, model, symbols));
            if (model.Compilation.AssemblyName is { } assembly)
            {
                compilationContext.RegisterAdditionalFileAction(fileContext => AnalyzeFile(fileContext, model, symbols, assembly));
            }
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, LambdaModel model, BatchSymbols symbols)
    {
        if (model.GetInvocationScope(context, RuleIdentifiers.BatchRecordNotReported) is not { } scope)
        {
            return;
        }

        HashSet<ICatchClauseOperation>? reported = null;
        foreach (var region in scope.Regions)
        {
            if (PartialBatchHandler.TryCreate(scope, region, symbols) is not { } handler)
            {
                continue;
            }

            foreach (var recordCatch in handler.ClassifyCatches())
            {
                if (recordCatch.Outcome == RecordCatchOutcome.None || !(reported ??= new()).Add(recordCatch.Clause))
                {
                    continue;
                }

                if (recordCatch.Outcome == RecordCatchOutcome.Dropped)
                {
                    var consequence = handler.Family == BatchFamily.Sqs ? "it is deleted" : "Lambda moves past it";
                    var (properties, locations) = FixData(handler, recordCatch, symbols);
                    context.ReportDiagnostic(Reached.Create(
                        DroppedRule, FunctionSyntax.CatchHeadLocation(recordCatch.Clause.Syntax), locations, properties, handler.Region, consequence));
                }
                else if (recordCatch.LoopEnd is { } loopEnd)
                {
                    context.ReportDiagnostic(Reached.Create(LoopEndRule, FunctionSyntax.KeywordLocation(loopEnd.Syntax), null, null, handler.Region));
                }
            }
        }

        foreach (var assignment in scope.Operations.Assignments)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "ItemIdentifier" }
                && ItemIdentifier.FindWrong(assignment, symbols, scope.Locals) is { } wrong
                && scope.Contains(assignment))
            {
                var identifier = wrong.Family == BatchFamily.Sqs ? "'MessageId'" : "sequence number";
                context.ReportDiagnostic(Reached.Create(
                    IdentifierRule, assignment.Value.Syntax.GetLocation(), null, null, scope.GetRegion(assignment), wrong.Description, identifier));
            }
        }
    }

    /// <summary>
    /// What the fix needs to add the record to the failures as the catch's first statement: the record and the one
    /// failure list, when there is exactly one; nothing when the catch ends an SQS loop, which reporting alone would
    /// not make right.
    /// </summary>
    private static (ImmutableDictionary<string, string?>? Properties, Location[] Locations) FixData(
        PartialBatchHandler handler, RecordCatch recordCatch, BatchSymbols symbols)
    {
        var loop = recordCatch.Loop;
        if (handler.OnlyFailureList is not { } list || (recordCatch.EndsLoop && handler.Family == BatchFamily.Sqs))
        {
            return (null, System.Array.Empty<Location>());
        }

        Location? record;
        string kind;
        ITypeSymbol? recordType;
        if (loop.RecordVariable is { Locations.Length: > 0 } variable && variable.Locations[0] is { IsInSource: true } declared)
        {
            (record, kind) = (declared, RecordVariable);
            recordType = variable switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
        }
        else if (loop.RecordIndexer is { } indexer)
        {
            (record, kind, recordType) = (indexer.Syntax.GetLocation(), RecordExpression, indexer.Type);
        }
        else
        {
            return (null, System.Array.Empty<Location>());
        }

        if (symbols.IdPathFrom(recordType) is not { Path.IsDefault: false } id
            || id.Family != handler.Family
            || list.Local.Locations.IsEmpty
            || list.Local.Locations[0] is not { IsInSource: true } listDeclaration)
        {
            return (null, System.Array.Empty<Location>());
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(IdPathProperty, string.Join(".", id.Path))
            .Add(ListProperty, list.IsResponse ? ListResponse : ListLocal)
            .Add(RecordProperty, kind);
        return (properties, [record, listDeclaration]);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, LambdaModel model, BatchSymbols symbols, string assembly)
    {
        var file = context.AdditionalFile;
        if (BatchEventSources.TryGet(file, context.Options, context.CancellationToken) is not { Sources.IsEmpty: false } sources
            || file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var source in sources.Sources)
        {
            var handler = source.Handler;
            if (handler.Assembly != assembly
                || !model.Build.IsDeployedAs(handler.Runtime)
                || HandlerStringCheck.FindMethod(handler, model.Types, assembly) is not { } method
                || symbols.HandlerFamily(method) is not { } family
                || (source.Family is { } written && written != family))
            {
                continue;
            }

            var consequence = family == BatchFamily.Sqs ? "the failed messages are deleted with the others" : "it moves past the failed records";
            context.ReportDiagnostic(Diagnostic.Create(EventSourceRule, LocationIn(file, text, source.KeySpan), source.Name, consequence));
        }
    }

    private static Location LocationIn(AdditionalText file, SourceText text, TextSpan span) =>
        span.End <= text.Length ? Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)) : Location.None;
}
