using System.Globalization;

namespace LambdaAnalyzers;

/// <summary>
/// The metadata names of every type the analyzers and fixers look up, and the assemblies that define the library types
/// among them. <see cref="KnownTypes"/> resolves them once per compilation: BCL types through the compilation, library
/// types in their own assembly only.
/// </summary>
internal static class KnownTypeNames
{
    // ---- BCL -----------------------------------------------------------------------------------------------------

    public const string SystemAction = "System.Action";
    public const string SystemAppContext = "System.AppContext";
    public const string SystemAppDomain = "System.AppDomain";
    public const string SystemConsole = "System.Console";
    public const string SystemDateTime = "System.DateTime";
    public const string SystemDateTimeOffset = "System.DateTimeOffset";
    public const string SystemEnvironment = "System.Environment";
    public const string SystemFunc = "System.Func";
    public const string SystemGuid = "System.Guid";
    public const string SystemIServiceProvider = "System.IServiceProvider";
    public const string SystemLazy1 = "System.Lazy`1";
    public const string SystemObsoleteAttribute = "System.ObsoleteAttribute";
    public const string SystemThreadStaticAttribute = "System.ThreadStaticAttribute";
    public const string SystemTimeSpan = "System.TimeSpan";

    public const string SystemCollectionsIDictionary = "System.Collections.IDictionary";
    public const string SystemCollectionsGenericIAsyncEnumerable1 = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string SystemCollectionsGenericIDictionary2 = "System.Collections.Generic.IDictionary`2";
    public const string SystemCollectionsGenericIReadOnlyDictionary2 = "System.Collections.Generic.IReadOnlyDictionary`2";
    public const string SystemCollectionsGenericList1 = "System.Collections.Generic.List`1";

    public const string SystemDiagnosticsDebug = "System.Diagnostics.Debug";
    public const string SystemDiagnosticsStopwatch = "System.Diagnostics.Stopwatch";
    public const string SystemDiagnosticsTrace = "System.Diagnostics.Trace";

    public const string SystemIODirectory = "System.IO.Directory";
    public const string SystemIODirectoryInfo = "System.IO.DirectoryInfo";
    public const string SystemIOFile = "System.IO.File";
    public const string SystemIOFileInfo = "System.IO.FileInfo";
    public const string SystemIOFileOptions = "System.IO.FileOptions";
    public const string SystemIOFileStream = "System.IO.FileStream";
    public const string SystemIOPath = "System.IO.Path";
    public const string SystemIOStream = "System.IO.Stream";
    public const string SystemIOStreamWriter = "System.IO.StreamWriter";
    public const string SystemIOCompressionZipFile = "System.IO.Compression.ZipFile";
    public const string SystemIOCompressionZipFileExtensions = "System.IO.Compression.ZipFileExtensions";

    public const string SystemNetHttpHttpClient = "System.Net.Http.HttpClient";
    public const string SystemNetHttpHttpClientHandler = "System.Net.Http.HttpClientHandler";
    public const string SystemNetHttpHttpMessageHandler = "System.Net.Http.HttpMessageHandler";
    public const string SystemNetHttpSocketsHttpHandler = "System.Net.Http.SocketsHttpHandler";

    public const string SystemReflectionAssembly = "System.Reflection.Assembly";

    public const string SystemRuntimeCompilerServicesAsyncMethodBuilderAttribute = "System.Runtime.CompilerServices.AsyncMethodBuilderAttribute";
    public const string SystemRuntimeCompilerServicesConfiguredTaskAwaitable = "System.Runtime.CompilerServices.ConfiguredTaskAwaitable";
    public const string SystemRuntimeCompilerServicesConfiguredTaskAwaitable1 = "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1";
    public const string SystemRuntimeCompilerServicesConfiguredValueTaskAwaitable = "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable";
    public const string SystemRuntimeCompilerServicesConfiguredValueTaskAwaitable1 = "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1";

    public const string SystemThreadingBarrier = "System.Threading.Barrier";
    public const string SystemThreadingCancellationToken = "System.Threading.CancellationToken";
    public const string SystemThreadingCancellationTokenSource = "System.Threading.CancellationTokenSource";
    public const string SystemThreadingCountdownEvent = "System.Threading.CountdownEvent";
    public const string SystemThreadingInterlocked = "System.Threading.Interlocked";
    public const string SystemThreadingLazyInitializer = "System.Threading.LazyInitializer";
    public const string SystemThreadingManualResetEventSlim = "System.Threading.ManualResetEventSlim";
    public const string SystemThreadingSemaphoreSlim = "System.Threading.SemaphoreSlim";
    public const string SystemThreadingSpinWait = "System.Threading.SpinWait";
    public const string SystemThreadingThread = "System.Threading.Thread";
    public const string SystemThreadingThreadPool = "System.Threading.ThreadPool";
    public const string SystemThreadingTimeout = "System.Threading.Timeout";
    public const string SystemThreadingTimer = "System.Threading.Timer";
    public const string SystemThreadingWaitHandle = "System.Threading.WaitHandle";

    public const string SystemLinqEnumerable = "System.Linq.Enumerable";

    public const string SystemThreadingTasksParallel = "System.Threading.Tasks.Parallel";
    public const string SystemThreadingTasksTask = "System.Threading.Tasks.Task";
    public const string SystemThreadingTasksTask1 = "System.Threading.Tasks.Task`1";
    public const string SystemThreadingTasksTaskCompletionSource = "System.Threading.Tasks.TaskCompletionSource";
    public const string SystemThreadingTasksTaskCompletionSource1 = "System.Threading.Tasks.TaskCompletionSource`1";
    public const string SystemThreadingTasksTaskFactory = "System.Threading.Tasks.TaskFactory";
    public const string SystemThreadingTasksTaskFactory1 = "System.Threading.Tasks.TaskFactory`1";
    public const string SystemThreadingTasksValueTask = "System.Threading.Tasks.ValueTask";
    public const string SystemThreadingTasksValueTask1 = "System.Threading.Tasks.ValueTask`1";

    public const string SystemTimersTimer = "System.Timers.Timer";

    // ---- Libraries, each with the assembly that defines it ---------------------------------------------------------

    public const string AmazonLambdaCoreAssemblyName = "Amazon.Lambda.Core";
    public const string AmazonLambdaCoreILambdaContext = "Amazon.Lambda.Core.ILambdaContext";
    public const string AmazonLambdaCoreILambdaLogger = "Amazon.Lambda.Core.ILambdaLogger";
    public const string AmazonLambdaCoreLambdaLogger = "Amazon.Lambda.Core.LambdaLogger";
    public const string AmazonLambdaCoreLambdaSerializerAttribute = "Amazon.Lambda.Core.LambdaSerializerAttribute";
    public const string AmazonLambdaCoreSnapshotRestore = "Amazon.Lambda.Core.SnapshotRestore";

    public const string AmazonLambdaAnnotationsAssemblyName = "Amazon.Lambda.Annotations";
    public const string AmazonLambdaAnnotationsLambdaFunctionAttribute = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
    public const string AmazonLambdaAnnotationsFromServicesAttribute = "Amazon.Lambda.Annotations.FromServicesAttribute";

    public const string DependencyInjectionAbstractionsAssemblyName = "Microsoft.Extensions.DependencyInjection.Abstractions";
    public const string DependencyInjectionServiceCollectionServiceExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
    public const string DependencyInjectionServiceCollectionDescriptorExtensions = "Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";
    public const string DependencyInjectionServiceProviderServiceExtensions = "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";

    public const string AmazonLambdaRuntimeSupportAssemblyName = "Amazon.Lambda.RuntimeSupport";
    public const string AmazonLambdaRuntimeSupportHandlerWrapper = "Amazon.Lambda.RuntimeSupport.HandlerWrapper";
    public const string AmazonLambdaRuntimeSupportLambdaBootstrap = "Amazon.Lambda.RuntimeSupport.LambdaBootstrap";
    public const string AmazonLambdaRuntimeSupportLambdaBootstrapBuilder = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
    public const string AmazonLambdaRuntimeSupportLambdaBootstrapInitializer = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapInitializer";

    public const string AmazonLambdaSQSEventsAssemblyName = "Amazon.Lambda.SQSEvents";
    public const string AmazonLambdaSQSEventsSQSEvent = "Amazon.Lambda.SQSEvents.SQSEvent";
    public const string AmazonLambdaSQSEventsSQSEventSQSMessage = "Amazon.Lambda.SQSEvents.SQSEvent+SQSMessage";
    public const string AmazonLambdaSQSEventsSQSBatchResponse = "Amazon.Lambda.SQSEvents.SQSBatchResponse";
    public const string AmazonLambdaSQSEventsSQSBatchResponseBatchItemFailure = "Amazon.Lambda.SQSEvents.SQSBatchResponse+BatchItemFailure";

    public const string AmazonLambdaKinesisEventsAssemblyName = "Amazon.Lambda.KinesisEvents";
    public const string AmazonLambdaKinesisEventsKinesisEvent = "Amazon.Lambda.KinesisEvents.KinesisEvent";
    public const string AmazonLambdaKinesisEventsKinesisEventKinesisEventRecord = "Amazon.Lambda.KinesisEvents.KinesisEvent+KinesisEventRecord";
    public const string AmazonLambdaKinesisEventsKinesisEventRecord = "Amazon.Lambda.KinesisEvents.KinesisEvent+Record";
    public const string AmazonLambdaKinesisEventsStreamsEventResponse = "Amazon.Lambda.KinesisEvents.StreamsEventResponse";
    public const string AmazonLambdaKinesisEventsStreamsEventResponseBatchItemFailure = "Amazon.Lambda.KinesisEvents.StreamsEventResponse+BatchItemFailure";
    public const string AmazonLambdaKinesisEventsKinesisTimeWindowResponse = "Amazon.Lambda.KinesisEvents.KinesisTimeWindowResponse";
    public const string AmazonLambdaKinesisEventsKinesisTimeWindowResponseBatchItemFailure = "Amazon.Lambda.KinesisEvents.KinesisTimeWindowResponse+BatchItemFailure";

    public const string AmazonLambdaDynamoDBEventsAssemblyName = "Amazon.Lambda.DynamoDBEvents";
    public const string AmazonLambdaDynamoDBEventsDynamoDBEvent = "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent";
    public const string AmazonLambdaDynamoDBEventsDynamoDBEventDynamodbStreamRecord = "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent+DynamodbStreamRecord";
    public const string AmazonLambdaDynamoDBEventsDynamoDBEventStreamRecord = "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent+StreamRecord";
    public const string AmazonLambdaDynamoDBEventsStreamsEventResponse = "Amazon.Lambda.DynamoDBEvents.StreamsEventResponse";
    public const string AmazonLambdaDynamoDBEventsStreamsEventResponseBatchItemFailure = "Amazon.Lambda.DynamoDBEvents.StreamsEventResponse+BatchItemFailure";
    public const string AmazonLambdaDynamoDBEventsDynamoDBTimeWindowResponse = "Amazon.Lambda.DynamoDBEvents.DynamoDBTimeWindowResponse";
    public const string AmazonLambdaDynamoDBEventsDynamoDBTimeWindowResponseBatchItemFailure = "Amazon.Lambda.DynamoDBEvents.DynamoDBTimeWindowResponse+BatchItemFailure";

    public const string AmazonLambdaSerializationSystemTextJsonAssemblyName = "Amazon.Lambda.Serialization.SystemTextJson";
    public const string AmazonLambdaSerializationSystemTextJsonDefaultLambdaJsonSerializer = "Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer";

    public const string AwsSdkCoreAssemblyName = "AWSSDK.Core";
    public const string AmazonRuntimeAmazonServiceClient = "Amazon.Runtime.AmazonServiceClient";
    public const string AmazonRuntimeClientConfig = "Amazon.Runtime.ClientConfig";
    public const string AmazonRuntimeBasicAWSCredentials = "Amazon.Runtime.BasicAWSCredentials";
    public const string AmazonRuntimeSessionAWSCredentials = "Amazon.Runtime.SessionAWSCredentials";

    // AWSSDK.Lambda declares its types in Amazon.Lambda, beside Amazon.Lambda.Core's namespace: each is looked up in its
    // own assembly, so neither package's types are taken for the other's.
    public const string AwsSdkLambdaAssemblyName = "AWSSDK.Lambda";
    public const string AmazonLambdaAmazonLambdaClient = "Amazon.Lambda.AmazonLambdaClient";
    public const string AmazonLambdaIAmazonLambda = "Amazon.Lambda.IAmazonLambda";
    public const string AmazonLambdaInvocationType = "Amazon.Lambda.InvocationType";
    public const string AmazonLambdaResponseStreamingInvocationType = "Amazon.Lambda.ResponseStreamingInvocationType";
    public const string AmazonLambdaModelInvokeRequest = "Amazon.Lambda.Model.InvokeRequest";
    public const string AmazonLambdaModelInvokeWithResponseStreamRequest = "Amazon.Lambda.Model.InvokeWithResponseStreamRequest";

    public const string AwsSdkDynamoDBv2AssemblyName = "AWSSDK.DynamoDBv2";
    public const string AmazonDynamoDBv2DataModelDynamoDBContext = "Amazon.DynamoDBv2.DataModel.DynamoDBContext";
    public const string AmazonDynamoDBv2DataModelDynamoDBContextBuilder = "Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder";
    public const string AmazonDynamoDBv2DataModelIDynamoDBContextBuilder = "Amazon.DynamoDBv2.DataModel.IDynamoDBContextBuilder";

    public const string AwsSdkS3AssemblyName = "AWSSDK.S3";
    public const string AmazonS3IAmazonS3 = "Amazon.S3.IAmazonS3";
    public const string AmazonS3ModelGetObjectResponse = "Amazon.S3.Model.GetObjectResponse";
    public const string AmazonS3TransferITransferUtility = "Amazon.S3.Transfer.ITransferUtility";
    public const string AmazonS3TransferTransferUtility = "Amazon.S3.Transfer.TransferUtility";
    public const string AmazonS3TransferTransferUtilityDownloadDirectoryRequest = "Amazon.S3.Transfer.TransferUtilityDownloadDirectoryRequest";
    public const string AmazonS3TransferTransferUtilityDownloadRequest = "Amazon.S3.Transfer.TransferUtilityDownloadRequest";

    public const string MicrosoftExtensionsLoggingAbstractionsAssemblyName = "Microsoft.Extensions.Logging.Abstractions";
    public const string MicrosoftExtensionsLoggingILogger = "Microsoft.Extensions.Logging.ILogger";
    public const string MicrosoftExtensionsLoggingLoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";

    public const string GrpcNetClientAssemblyName = "Grpc.Net.Client";
    public const string GrpcNetClientGrpcChannel = "Grpc.Net.Client.GrpcChannel";

    public const string MongoDBDriverAssemblyName = "MongoDB.Driver";
    public const string MongoDBDriverMongoClient = "MongoDB.Driver.MongoClient";

    public const string NpgsqlAssemblyName = "Npgsql";
    public const string NpgsqlNpgsqlDataSource = "Npgsql.NpgsqlDataSource";

    public const string StackExchangeRedisAssemblyName = "StackExchange.Redis";
    public const string StackExchangeRedisConnectionMultiplexer = "StackExchange.Redis.ConnectionMultiplexer";

    // ---- Test frameworks ---------------------------------------------------------------------------------------------

    public const string XunitCoreAssemblyName = "xunit.core";
    public const string XunitV3CoreAssemblyName = "xunit.v3.core";
    public const string XunitFactAttribute = "Xunit.FactAttribute";
    public const string XunitTheoryAttribute = "Xunit.TheoryAttribute";

    public const string NUnitFrameworkAssemblyName = "nunit.framework";
    public const string NUnitFrameworkTestAttribute = "NUnit.Framework.TestAttribute";
    public const string NUnitFrameworkTestCaseAttribute = "NUnit.Framework.TestCaseAttribute";
    public const string NUnitFrameworkTestCaseSourceAttribute = "NUnit.Framework.TestCaseSourceAttribute";
    public const string NUnitFrameworkTheoryAttribute = "NUnit.Framework.TheoryAttribute";

    public const string MSTestTestPlatformAssemblyName = "Microsoft.VisualStudio.TestPlatform.TestFramework";
    public const string MSTestTestFrameworkAssemblyName = "MSTest.TestFramework";
    public const string MSTestDataTestMethodAttribute = "Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethodAttribute";
    public const string MSTestTestMethodAttribute = "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute";

    public const string TUnitCoreAssemblyName = "TUnit.Core";
    public const string TUnitCoreTestAttribute = "TUnit.Core.TestAttribute";

    /// <summary>
    /// The metadata name of a generic type of a family by arity (<c>System.Action</c>, <c>System.Action`2</c>); arity 0
    /// is the non-generic one.
    /// </summary>
    public static string WithArity(string name, int arity) => arity == 0 ? name : name + "`" + arity.ToString(CultureInfo.InvariantCulture);
}
