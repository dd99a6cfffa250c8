using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The types of batch events and partial-batch responses (Amazon.Lambda.SQSEvents, KinesisEvents, DynamoDBEvents),
/// resolved once per compilation: which event a handler takes, which response it returns, the failure types, the
/// records and the member that identifies each (<c>MessageId</c>, the sequence number), and the logging calls that do
/// not count as handing a record on.
/// </summary>
internal sealed class BatchSymbols
{
    private static readonly ConditionalWeakTable<Compilation, BatchSymbols> s_symbols = new();

    private static readonly ImmutableArray<string> MessageIdPath = ImmutableArray.Create("MessageId");
    private static readonly ImmutableArray<string> SequenceNumberPath = ImmutableArray.Create("SequenceNumber");
    private static readonly ImmutableArray<string> KinesisSequenceNumberPath = ImmutableArray.Create("Kinesis", "SequenceNumber");
    private static readonly ImmutableArray<string> DynamodbSequenceNumberPath = ImmutableArray.Create("Dynamodb", "SequenceNumber");

    private readonly INamedTypeSymbol? _sqsEvent;
    private readonly INamedTypeSymbol? _kinesisEvent;
    private readonly INamedTypeSymbol? _dynamoDBEvent;
    private readonly ImmutableArray<(INamedTypeSymbol Type, BatchFamily Family)> _responses;
    private readonly ImmutableArray<(INamedTypeSymbol Type, BatchFamily Family)> _failures;
    private readonly ImmutableArray<(INamedTypeSymbol Type, BatchFamily Family, ImmutableArray<string> IdPath)> _records;
    private readonly INamedTypeSymbol? _logger;
    private readonly INamedTypeSymbol? _loggerExtensions;
    private readonly INamedTypeSymbol? _lambdaLogger;
    private readonly INamedTypeSymbol? _staticLambdaLogger;
    private readonly INamedTypeSymbol? _console;
    private readonly INamedTypeSymbol? _debug;
    private readonly INamedTypeSymbol? _trace;

    private BatchSymbols(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        const string sqs = KnownTypeNames.AmazonLambdaSQSEventsAssemblyName;
        const string kinesis = KnownTypeNames.AmazonLambdaKinesisEventsAssemblyName;
        const string dynamo = KnownTypeNames.AmazonLambdaDynamoDBEventsAssemblyName;
        _sqsEvent = types.Find(KnownTypeNames.AmazonLambdaSQSEventsSQSEvent, sqs);
        _kinesisEvent = types.Find(KnownTypeNames.AmazonLambdaKinesisEventsKinesisEvent, kinesis);
        _dynamoDBEvent = types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsDynamoDBEvent, dynamo);

        var responses = ImmutableArray.CreateBuilder<(INamedTypeSymbol, BatchFamily)>();
        Add(responses, types.Find(KnownTypeNames.AmazonLambdaSQSEventsSQSBatchResponse, sqs), BatchFamily.Sqs);
        Add(responses, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsStreamsEventResponse, kinesis), BatchFamily.Kinesis);
        Add(responses, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsKinesisTimeWindowResponse, kinesis), BatchFamily.Kinesis);
        Add(responses, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsStreamsEventResponse, dynamo), BatchFamily.DynamoDB);
        Add(responses, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsDynamoDBTimeWindowResponse, dynamo), BatchFamily.DynamoDB);
        _responses = responses.ToImmutable();

        var failures = ImmutableArray.CreateBuilder<(INamedTypeSymbol, BatchFamily)>();
        Add(failures, types.Find(KnownTypeNames.AmazonLambdaSQSEventsSQSBatchResponseBatchItemFailure, sqs), BatchFamily.Sqs);
        Add(failures, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsStreamsEventResponseBatchItemFailure, kinesis), BatchFamily.Kinesis);
        Add(failures, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsKinesisTimeWindowResponseBatchItemFailure, kinesis), BatchFamily.Kinesis);
        Add(failures, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsStreamsEventResponseBatchItemFailure, dynamo), BatchFamily.DynamoDB);
        Add(failures, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsDynamoDBTimeWindowResponseBatchItemFailure, dynamo), BatchFamily.DynamoDB);
        _failures = failures.ToImmutable();

        // In the real KinesisEvents package, Record derives from AWSSDK.Kinesis's Record, which declares SequenceNumber:
        // identifiers are matched by member names from a record type, not by the declaring type.
        var records = ImmutableArray.CreateBuilder<(INamedTypeSymbol, BatchFamily, ImmutableArray<string>)>();
        Add(records, types.Find(KnownTypeNames.AmazonLambdaSQSEventsSQSEventSQSMessage, sqs), BatchFamily.Sqs, MessageIdPath);
        Add(records, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsKinesisEventKinesisEventRecord, kinesis), BatchFamily.Kinesis, KinesisSequenceNumberPath);
        Add(records, types.Find(KnownTypeNames.AmazonLambdaKinesisEventsKinesisEventRecord, kinesis), BatchFamily.Kinesis, SequenceNumberPath);
        Add(records, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsDynamoDBEventDynamodbStreamRecord, dynamo), BatchFamily.DynamoDB, DynamodbSequenceNumberPath);
        Add(records, types.Find(KnownTypeNames.AmazonLambdaDynamoDBEventsDynamoDBEventStreamRecord, dynamo), BatchFamily.DynamoDB, SequenceNumberPath);
        _records = records.ToImmutable();

        const string logging = KnownTypeNames.MicrosoftExtensionsLoggingAbstractionsAssemblyName;
        _logger = types.Find(KnownTypeNames.MicrosoftExtensionsLoggingILogger, logging);
        _loggerExtensions = types.Find(KnownTypeNames.MicrosoftExtensionsLoggingLoggerExtensions, logging);
        _lambdaLogger = types.Find(KnownTypeNames.AmazonLambdaCoreILambdaLogger, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        _staticLambdaLogger = types.Find(KnownTypeNames.AmazonLambdaCoreLambdaLogger, KnownTypeNames.AmazonLambdaCoreAssemblyName);
        _console = types.Find(KnownTypeNames.SystemConsole);
        _debug = types.Find(KnownTypeNames.SystemDiagnosticsDebug);
        _trace = types.Find(KnownTypeNames.SystemDiagnosticsTrace);
        Enumerable = types.Find(KnownTypeNames.SystemLinqEnumerable);
        List = types.Find(KnownTypeNames.SystemCollectionsGenericList1);
        Parallel = types.Find(KnownTypeNames.SystemThreadingTasksParallel);
        Guid = types.Find(KnownTypeNames.SystemGuid);
        Async = new AsyncSymbols(compilation);
    }

    /// <summary>Whether the compilation references any of the three event packages' responses.</summary>
    public bool HasResponses => !_responses.IsEmpty;

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? Guid { get; }

    public AsyncSymbols Async { get; }

    public static BatchSymbols Get(Compilation compilation) => s_symbols.GetValue(compilation, static c => new BatchSymbols(c));

    /// <summary>
    /// The family of a handler that takes a batch event and returns that family's partial-batch response, directly or
    /// as <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>; null for any other method.
    /// </summary>
    public BatchFamily? HandlerFamily(IMethodSymbol? entry)
    {
        if (entry is null || _responses.IsEmpty || FamilyOfResponse(entry.ReturnType) is not { } family)
        {
            return null;
        }

        foreach (var parameter in entry.Parameters)
        {
            if (FamilyOfEvent(parameter.Type) == family)
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The family of a partial-batch response type, also inside <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public BatchFamily? FamilyOfResponse(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
            && (generic.IsType(Async.TaskOfT) || generic.IsType(Async.ValueTaskOfT)))
        {
            type = generic.TypeArguments[0];
        }

        return Find(_responses, type);
    }

    /// <summary>The family of a batch event type (the time-window events derive from the plain ones).</summary>
    public BatchFamily? FamilyOfEvent(ITypeSymbol? type) =>
        type.InheritsFromOrEquals(_sqsEvent) ? BatchFamily.Sqs
        : type.InheritsFromOrEquals(_kinesisEvent) ? BatchFamily.Kinesis
        : type.InheritsFromOrEquals(_dynamoDBEvent) ? BatchFamily.DynamoDB
        : null;

    public bool IsResponse(ITypeSymbol? type) => Find(_responses, type) is not null;

    /// <summary>A <c>BatchItemFailure</c> of any partial-batch response.</summary>
    public bool IsFailure(ITypeSymbol? type) => Find(_failures, type) is not null;

    /// <summary>The family of a <c>BatchItemFailure</c> type.</summary>
    public BatchFamily? FamilyOfFailure(ITypeSymbol? type) => Find(_failures, type);

    /// <summary>The <c>Records</c> property of a batch event.</summary>
    public bool IsRecords(IPropertySymbol property) =>
        property.Name == "Records" && FamilyOfEvent(property.ContainingType) is not null;

    /// <summary>
    /// The member names that lead from a record type to its identifier (<c>MessageId</c>; <c>Kinesis.SequenceNumber</c>
    /// from a Kinesis event record, <c>SequenceNumber</c> from its <c>Kinesis</c> record), with the record's family;
    /// a default path for another type.
    /// </summary>
    public (ImmutableArray<string> Path, BatchFamily Family) IdPathFrom(ITypeSymbol? type)
    {
        if (type is not null)
        {
            foreach (var (record, family, path) in _records)
            {
                if (type.InheritsFromOrEquals(record))
                {
                    return (path, family);
                }
            }
        }

        return (default, default);
    }

    /// <summary>
    /// A call that only writes a log: <c>ILogger.Log*</c> (and its extensions, and generated methods taking an
    /// <c>ILogger</c>), <c>ILambdaLogger.Log*</c>, <c>LambdaLogger.Log</c>, <c>Console.Write*</c> (and
    /// <c>Console.Out</c>/<c>Console.Error</c>), <c>Debug.*</c>, <c>Trace.*</c>.
    /// </summary>
    public bool IsLogging(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.IsType(_debug) || type.IsType(_trace) || type.IsType(_staticLambdaLogger))
        {
            return true;
        }

        if (method.Name.StartsWith("Write", StringComparison.Ordinal))
        {
            return type.IsType(_console)
                || (invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } writer && writer.Property.ContainingType.IsType(_console));
        }

        if (!method.Name.StartsWith("Log", StringComparison.Ordinal))
        {
            return false;
        }

        if (type.IsType(_loggerExtensions) || Implements(type, _logger) || Implements(type, _lambdaLogger))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (Implements(parameter.Type, _logger) || Implements(parameter.Type, _lambdaLogger))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        if (type.IsType(contract))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.IsType(contract))
            {
                return true;
            }
        }

        return false;
    }

    private static BatchFamily? Find(ImmutableArray<(INamedTypeSymbol Type, BatchFamily Family)> types, ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var (candidate, family) in types)
        {
            if (type.IsType(candidate))
            {
                return family;
            }
        }

        return null;
    }

    private static void Add(ImmutableArray<(INamedTypeSymbol, BatchFamily)>.Builder builder, INamedTypeSymbol? type, BatchFamily family)
    {
        if (type is not null)
        {
            builder.Add((type, family));
        }
    }

    private static void Add(
        ImmutableArray<(INamedTypeSymbol, BatchFamily, ImmutableArray<string>)>.Builder builder, INamedTypeSymbol? type, BatchFamily family, ImmutableArray<string> path)
    {
        if (type is not null)
        {
            builder.Add((type, family, path));
        }
    }
}
