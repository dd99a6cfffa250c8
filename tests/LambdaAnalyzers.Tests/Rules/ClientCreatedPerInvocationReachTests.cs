using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.ClientCreatedPerInvocationAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LMB0001 in the code a handler reaches through calls: helpers, repositories, base classes.</summary>
public sealed class ClientCreatedPerInvocationReachTests
{
    /// <summary>Reported at markup 0, with the chain's first call in the handler at markup 1.</summary>
    private static DiagnosticResult Reached(string type, string entry, string through) =>
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(0).WithLocation(1).WithArguments(type, entry, through);

    // ---- Reported ---------------------------------------------------------------------------------------------

    [Fact]
    public Task StaticHelperCalledFromTheHandler_ReportsInTheHelper_WithThePath() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Secrets
        {
            public static async Task<string> GetParameterAsync(string name)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                var response = await s3.GetObjectAsync("config", name);
                return response.Key;
            }
        }

        public class OrderHandler
        {
            public async Task<string> Handle(string input, ILambdaContext context) => await {|#1:Secrets.GetParameterAsync("orders")|};
        }
        """, Reached("AmazonS3Client", "OrderHandler.Handle", "'Secrets.GetParameterAsync'"));

    [Fact]
    public Task RepositoryCreatedPerInvocation_ReportsTheClientItsConstructorCreates() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.DynamoDBv2;

        public class OrderRepository
        {
            private readonly AmazonDynamoDBClient _client;

            public OrderRepository() => _client = {|#0:new AmazonDynamoDBClient()|};

            public void Save(string order) { }
        }

        public class OrderHandler
        {
            public void Handle(string input, ILambdaContext context)
            {
                var repository = {|#1:new OrderRepository()|};
                repository.Save(input);
            }
        }
        """, Reached("AmazonDynamoDBClient", "OrderHandler.Handle", "'new OrderRepository()'"));

    [Fact]
    public Task RepositoryCreatedPerInvocation_ReportsTheClientOfItsFieldInitializer() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.DynamoDBv2;

        public class OrderRepository
        {
            private readonly AmazonDynamoDBClient _client = {|#0:new AmazonDynamoDBClient()|};

            public void Save(string order) { }
        }

        public class OrderHandler
        {
            public void Handle(string input, ILambdaContext context) => {|#1:new OrderRepository()|}.Save(input);
        }
        """, Reached("AmazonDynamoDBClient", "OrderHandler.Handle", "'new OrderRepository()'"));

    [Fact]
    public Task ThreeCallsAway_IsReported_AndThePathNamesEachMethod() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public class OrderService
        {
            public void Place(string order) => new Outbox().Send(order);
        }

        public class Outbox
        {
            public void Send(string order) => Queue.Connect().ToString();
        }

        public static class Queue
        {
            public static AmazonSQSClient Connect() => {|#0:new AmazonSQSClient()|};
        }

        public class OrderHandler
        {
            public void Handle(string input, ILambdaContext context) => {|#1:new OrderService().Place(input)|};
        }
        """,
        Reached("AmazonSQSClient", "OrderHandler.Handle", "'OrderService.Place', 'Outbox.Send', 'Queue.Connect'"));

    [Fact]
    public Task FourCallsAway_IsNotReported_ByDefault() => Verify.VerifyAnalyzerAsync(FourCallsAway);

    [Fact]
    public Task FourCallsAway_IsReported_WithADepthOfFour_AndThePathEndsWithAnEllipsis() => new Verify.Test
    {
        TestCode = FourCallsAway,
        EditorConfig = "lambda_analyzers.reach_depth = 4",
        ExpectedDiagnostics = { Reached("AmazonSQSClient", "OrderHandler.Handle", "'A.One', 'B.Two', 'C.Three', ...") },
    }.RunAsync();

    [Fact]
    public Task DepthZero_ChecksOnlyTheHandlersOwnCode() => new Verify.Test
    {
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public static class Queue
            {
                public static string Connect() => new AmazonSQSClient().ToString()!;
            }

            public class OrderHandler
            {
                public string Handle(string input, ILambdaContext context) => Queue.Connect();
            }
            """,
        EditorConfig = "lambda_analyzers.reach_depth = 0",
    }.RunAsync();

    private const string FourCallsAway = """
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public static class A { public static void One() => B.Two(); }
        public static class B { public static void Two() => C.Three(); }
        public static class C { public static void Three() => D.Four(); }
        public static class D { public static void Four() => {|#0:new AmazonSQSClient()|}.ToString(); }

        public class OrderHandler
        {
            public void Handle(string input, ILambdaContext context) => {|#1:A.One()|};
        }
        """;

    [Fact]
    public Task ReachExclude_LeavesAMethodUnentered() => new Verify.Test
    {
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            namespace Shop
            {
                public static class Queue
                {
                    public static string Connect() => new AmazonSQSClient().ToString()!;
                }

                public class OrderHandler
                {
                    public string Handle(string input, ILambdaContext context) => Queue.Connect();
                }
            }
            """,
        EditorConfig = "lambda_analyzers.reach_exclude = M:Shop.Other.Method | M:Shop.Queue.Connect",
    }.RunAsync();

    [Fact]
    public Task RuleReachOff_KeepsTheRuleInTheHandlersOwnCode() => new Verify.Test
    {
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.SQS;

            public static class Queue
            {
                public static string Connect() => new AmazonSQSClient().ToString()!;
            }

            public class OrderHandler
            {
                public string Handle(string input, ILambdaContext context) => Queue.Connect() + {|#0:new AmazonSQSClient()|};
            }
            """,
        EditorConfig = "lambda_analyzers.LMB0001.reach = false",
        ExpectedDiagnostics = { Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(0).WithArguments("AmazonSQSClient") },
    }.RunAsync();

    [Fact]
    public Task AbstractBaseHandler_ReachesTheOverrideItCallsPerRecord() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public abstract class RecordHandler<TRecord>
        {
            public async Task Handle(TRecord[] records, ILambdaContext context)
            {
                foreach (var record in records)
                {
                    await {|#1:ProcessAsync(record)|};
                }
            }

            protected abstract Task ProcessAsync(TRecord record);
        }

        public class OrderFunction : RecordHandler<string>
        {
            protected override async Task ProcessAsync(string record)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                await s3.GetObjectAsync("orders", record);
            }
        }
        """, Reached("AmazonS3Client", "RecordHandler.Handle", "'OrderFunction.ProcessAsync'"));

    [Fact]
    public Task InterfaceCall_WithOneImplementation_IsFollowed() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public interface IStore { string Load(string key); }

        public class S3Store : IStore
        {
            public string Load(string key) => {|#0:new AmazonS3Client()|}.ToString()!;
        }

        public class Function
        {
            private readonly IStore _store = new S3Store();

            public string Handle(string input, ILambdaContext context) => {|#1:_store.Load(input)|};
        }
        """, Reached("AmazonS3Client", "Function.Handle", "'S3Store.Load'"));

    [Fact]
    public Task PropertyGetter_IsFollowed() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Clients
        {
            public static AmazonS3Client Storage => {|#0:new AmazonS3Client()|};
        }

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => {|#1:Clients.Storage|}.ToString()!;
        }
        """, Reached("AmazonS3Client", "Function.Handle", "'Clients.Storage'"));

    [Fact]
    public Task MethodGroupGivenToTaskRun_RunsPerInvocation() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context) => Task.Run({|#1:Upload|});

            private static void Upload() => {|#0:new AmazonS3Client()|}.ToString();
        }
        """, Reached("AmazonS3Client", "Function.Handle", "'Function.Upload'"));

    [Fact]
    public Task HelperReachedFromTwoHandlers_IsReportedOnce_FromTheFirstEntryByName() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Storage
        {
            public static string Open() => {|#0:new AmazonS3Client()|}.ToString()!;
        }

        public class Beta
        {
            public string Handle(string input, ILambdaContext context) => Storage.Open();
        }

        public class Alpha
        {
            public string Handle(string input, ILambdaContext context) => {|#1:Storage.Open()|};
        }
        """, Reached("AmazonS3Client", "Alpha.Handle", "'Storage.Open'"));

    [Fact]
    public Task HandlerLambdaOfAnExecutable_ReachesItsHelpers() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;

        await LambdaBootstrapBuilder.Create<string, string>((input, context) => {|#1:Storage.Open()|}, null!).Build().RunAsync();

        public static class Storage
        {
            public static string Open() => {|#0:new AmazonS3Client()|}.ToString()!;
        }
        """, Reached("AmazonS3Client", "Program.<Main>$", "'Storage.Open'"));

    [Fact]
    public Task RecursionAndCycles_AreFollowedOnce() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Walker
        {
            public static int Down(int n) => n == 0 ? Up(1) : Down(n - 1);

            public static int Up(int n) => n > 3 ? {|#0:new AmazonS3Client()|}.GetHashCode() : Down(n);
        }

        public class Function
        {
            public int Handle(int input, ILambdaContext context) => {|#1:Walker.Down(input)|};
        }
        """, Reached("AmazonS3Client", "Function.Handle", "'Walker.Down', 'Walker.Up'"));

    // ---- Not reported: the correct shapes that look like violations ---------------------------------------------

    [Fact]
    public Task HelperCalledOnlyFromAConstructorOrAFieldInitializer_IsInitCode() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.SQS;

        public static class Clients
        {
            public static AmazonS3Client Storage() => new AmazonS3Client();
            public static AmazonSQSClient Queue() => new AmazonSQSClient();
        }

        public class OrderRepository
        {
            private readonly AmazonS3Client _s3 = new AmazonS3Client();
        }

        public class Function
        {
            private readonly AmazonS3Client _s3;
            private readonly AmazonSQSClient _sqs = Clients.Queue();
            private readonly OrderRepository _repository = new OrderRepository();

            public Function() => _s3 = Clients.Storage();

            public string Handle(string input, ILambdaContext context) => _s3.ToString() + _sqs + _repository;
        }
        """);

    [Fact]
    public Task HelperCalledInTheMissBranchOfACacheAside_IsInitCode_AndOutsideIt_IsReached() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Clients
        {
            public static AmazonS3Client Archive() => new AmazonS3Client(RegionEndpoint.EUWest1);
            public static AmazonS3Client Default() => {|#0:new AmazonS3Client()|};
            public static string Answer(string question) => {|#2:new AmazonS3Client()|}.ToString() + question;
        }

        public class Function
        {
            private static readonly Dictionary<string, AmazonS3Client> s_byName = new();
            private static readonly Dictionary<string, string> s_answers = new();

            public string Handle(string input, ILambdaContext context)
            {
                if (!s_byName.TryGetValue("archive", out var client))
                {
                    client = Clients.Archive();
                    s_byName["archive"] = client;
                }

                // Keyed by the request: the computation runs on nearly every invocation.
                if (!s_answers.TryGetValue(input, out var answer))
                {
                    answer = {|#3:Clients.Answer(input)|};
                    s_answers[input] = answer;
                }

                var unstored = {|#1:Clients.Default()|};
                return client.ToString() + unstored + answer;
            }
        }
        """,
        Reached("AmazonS3Client", "Function.Handle", "'Clients.Default'"),
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(2).WithLocation(3)
            .WithArguments("AmazonS3Client", "Function.Handle", "'Clients.Answer'"));

    [Fact]
    public Task InitializeUnderAOneTimeGuard_IsInitCode_DirectlyAndThroughAVirtualCall() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public abstract class BaseFunction
        {
            private bool _initialized;
            protected AmazonS3Client? Storage;

            public async Task Handle(string input, ILambdaContext context)
            {
                if (!_initialized)
                {
                    await InitializeAsync();
                    _initialized = true;
                }
            }

            protected abstract Task InitializeAsync();
        }

        public class Function : BaseFunction
        {
            protected override Task InitializeAsync()
            {
                Storage = new AmazonS3Client();
                return Task.CompletedTask;
            }
        }

        public class Other
        {
            private static bool s_ready;
            private static AmazonS3Client? s_storage;

            public void Handle(string input, ILambdaContext context)
            {
                if (!s_ready)
                {
                    Initialize();
                    s_ready = true;
                }
            }

            private static void Initialize() => s_storage = new AmazonS3Client();
        }
        """);

    [Fact]
    public Task ClientFromPerRequestCredentials_InAReachedFactory_IsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;

        public static class TenantClients
        {
            public static AmazonS3Client For(AWSCredentials credentials) => new AmazonS3Client(credentials);
        }

        public class Function
        {
            public string Handle(AWSCredentials input, ILambdaContext context) => TenantClients.For(input).ToString()!;
        }
        """);

    [Fact]
    public Task PerRegionClientCache_InAReachedHelper_IsNotReported() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public static class Regional
        {
            private static readonly ConcurrentDictionary<string, AmazonS3Client> s_clients = new();

            public static AmazonS3Client For(string region) =>
                s_clients.GetOrAdd(region, r => new AmazonS3Client(RegionEndpoint.GetBySystemName(r)));
        }

        public class Function
        {
            public string Handle(string input, ILambdaContext context) => Regional.For("eu-west-1").ToString()!;
        }
        """);

    [Fact]
    public Task MoreThanThreeImplementations_AreNotFollowed() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public interface IStep { string Run(); }
        public class One : IStep { public string Run() => new AmazonS3Client().ToString()!; }
        public class Two : IStep { public string Run() => "2"; }
        public class Three : IStep { public string Run() => "3"; }
        public class Four : IStep { public string Run() => "4"; }

        public class Function
        {
            public string Handle(IStep step, ILambdaContext context) => step.Run();
        }
        """);

    [Fact]
    public Task TestMethods_AreNoEntries() => new Verify.Test
    {
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.S3;
            using Xunit;

            public static class Storage
            {
                public static string Open() => new AmazonS3Client().ToString()!;
            }

            public class FunctionTests
            {
                [Fact]
                public void Opens(ILambdaContext context) => Storage.Open();
            }
            """,
        TestState = { AdditionalReferences = { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location) } },
    }.RunAsync();

    [Fact]
    public async Task BlueprintTestConstructor_KeepsTheFunctionAReusedInstance_AndItsClientInitCode()
    {
        // The S3 blueprint: a parameterless constructor for the runtime, one taking the client for the test project.
        const string source = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.S3;

            public class Function
            {
                private string _lastKey = "";

                private IAmazonS3 S3Client { get; }

                public Function() => S3Client = new AmazonS3Client();

                public Function(IAmazonS3 s3Client) => S3Client = s3Client;

                public async Task<string> FunctionHandler(string key, ILambdaContext context)
                {
                    _lastKey = key;
                    var response = await S3Client.GetObjectMetadataAsync("bucket", key);
                    return response.Headers.ContentType;
                }
            }
            """;

        Assert.Empty(await AnalyzerRunner.ReportAsync(new ClientCreatedPerInvocationAnalyzer(), source));
        var kept = Assert.Single(await AnalyzerRunner.ReportAsync(new InvocationDataKeptAnalyzer(), source));
        Assert.Equal("_lastKey", kept.Location.SourceTree!.ToString().Substring(kept.Location.SourceSpan.Start, kept.Location.SourceSpan.Length));
    }

    [Fact]
    public Task MethodGroupGivenToLazy_IsInitCode() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static Lazy<AmazonS3Client>? s_storage;

            public string Handle(string input, ILambdaContext context)
            {
                s_storage ??= new Lazy<AmazonS3Client>(Create);
                return s_storage.Value.ToString()!;
            }

            private static AmazonS3Client Create() => new AmazonS3Client();
        }
        """);

    [Fact]
    public Task ConfiguredClientFactory_IsReportedAtItsCallOnly() => new Verify.Test
    {
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.S3;

            namespace Shop
            {
                public static class Storage
                {
                    public static AmazonS3Client Open() => new AmazonS3Client();
                }

                public class Function
                {
                    public string Handle(string input, ILambdaContext context) => {|#0:Storage.Open()|}.ToString()!;
                }
            }
            """,
        EditorConfig = "lambda_analyzers.additional_client_factories = M:Shop.Storage.Open",
        ExpectedDiagnostics = { Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.Rule).WithLocation(0).WithArguments("AmazonS3Client") },
    }.RunAsync();

    [Fact]
    public Task ConstructorFallbackForAMissingClient_IsLeftToItsCallers() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Storage
        {
            private readonly AmazonS3Client _client;
            private readonly AmazonS3Client _backup;

            public Storage(AmazonS3Client? client, AmazonS3Client? backup = null)
            {
                _client = client ?? new AmazonS3Client();
                _backup = backup is null ? new AmazonS3Client() : backup;
            }
        }

        public class Function
        {
            private static readonly AmazonS3Client s_client = new();

            public string Handle(string input, ILambdaContext context) => new Storage(s_client, s_client).ToString()!;
        }
        """);

    [Fact]
    public Task AReachedMethodThatIsAlsoMain_IsInitCode() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public static async Task Main(string[] args)
            {
                var s3 = new AmazonS3Client();
                await Task.CompletedTask;
            }

            public Task Handle(string input, ILambdaContext context) => Main([]);
        }
        """);

    [Fact]
    public Task AReachedStartupMethod_IsInitCode_AndAnOrdinaryMethodBesideItIsNot() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;

        public static class Clients
        {
            public static AmazonS3Client Make() => new AmazonS3Client();
        }

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonS3>(new AmazonS3Client());
                services.AddSingleton<IAmazonS3>(Clients.Make());
            }

            public void Register(IServiceCollection services) => services.AddSingleton<IAmazonS3>({|#0:new AmazonS3Client()|});
        }

        [LambdaStartup]
        public class AnnotationsStartup
        {
            public void AddClients(IServiceCollection services) => services.AddSingleton<IAmazonS3>(new AmazonS3Client());
        }

        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var services = new ServiceCollection();
                new Startup().ConfigureServices(services);
                new AnnotationsStartup().AddClients(services);
                {|#1:new Startup().Register(services)|};
            }
        }
        """, Reached("AmazonS3Client", "Function.Handle", "'Startup.Register'"));

    // ---- Dependency injection ------------------------------------------------------------------------------------

    private const string Services = """
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Annotations;
        using Microsoft.Extensions.DependencyInjection;

        public interface IOrderService { Task<string> GetAsync(string id); }
        public interface IAuditLog { void Write(string entry); }

        public class OrderService : IOrderService
        {
            private readonly AmazonDynamoDBClient _dynamo;
            private readonly IAuditLog _audit;

            public OrderService(IAuditLog audit)
            {
                _audit = audit;
                _dynamo = {|#0:new AmazonDynamoDBClient()|};
            }

            public Task<string> GetAsync(string id) => Task.FromResult(id);
        }

        public class AuditLog : IAuditLog
        {
            private readonly AmazonDynamoDBClient _dynamo = {|#2:new AmazonDynamoDBClient()|};

            public void Write(string entry) { }
        }

        public class CachedPrices
        {
            private readonly AmazonDynamoDBClient _dynamo = new AmazonDynamoDBClient();
        }

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddTransient<IOrderService, OrderService>();
                services.AddScoped<IAuditLog, AuditLog>();
                services.AddSingleton<CachedPrices>();
            }
        }
        """;

    [Fact]
    public Task FromServicesParameter_ConstructsTransientAndScopedServices_PerInvocation_NotSingletons() => Verify.VerifyAnalyzerAsync(Services + """

        public class Functions
        {
            [LambdaFunction]
            public Task<string> Get([FromServices] IOrderService {|#3:orders|}, [FromServices] CachedPrices prices, string id) => orders.GetAsync(id);
        }
        """,
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(0).WithLocation(3)
            .WithArguments("AmazonDynamoDBClient", "Functions.Get", "'new OrderService()'"),
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(2).WithLocation(3)
            .WithArguments("AmazonDynamoDBClient", "Functions.Get", "'new OrderService()', 'new AuditLog()'"));

    [Fact]
    public Task FactoryOfATransientService_RunsPerInvocation_ASingletonsOnce() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Annotations;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;

        public interface IReports { Task<string> GetAsync(string id); }

        public interface IArchive { Task<string> GetAsync(string id); }

        public sealed class Reports(IAmazonDynamoDB dynamo) : IReports
        {
            public Task<string> GetAsync(string id) => Task.FromResult(id + dynamo.Config.RegionEndpoint);
        }

        public sealed class Archive(IAmazonS3 s3) : IArchive
        {
            public Task<string> GetAsync(string id) => Task.FromResult(id + s3.Config.RegionEndpoint);
        }

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddTransient<IReports>(sp => new Reports({|#0:new AmazonDynamoDBClient()|}));
                services.AddSingleton<IArchive>(sp => new Archive(new AmazonS3Client()));
            }
        }

        public class Functions
        {
            [LambdaFunction]
            public Task<string> Get([FromServices] IReports {|#1:reports|}, [FromServices] IArchive archive, string id) => reports.GetAsync(id);
        }
        """,
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(0).WithLocation(1)
            .WithArguments("AmazonDynamoDBClient", "Functions.Get", "the factory in 'Startup.ConfigureServices'"));

    [Fact]
    public Task FactoryRegisteredInAnExecutablesMain_RunsWhenItsHandlerLambdaResolvesTheService() => Verify.VerifyProgramAsync("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddTransient<IReports>(sp => new Reports({|#0:new AmazonDynamoDBClient()|}));
        services.AddSingleton<IArchive>(sp => new Archive(new AmazonS3Client()));
        System.IServiceProvider provider = Build(services);
        await LambdaBootstrapBuilder.Create<string, string>(Handle, null!).Build().RunAsync();

        string Handle(string input, ILambdaContext context) =>
            {|#1:provider.GetRequiredService<IReports>()|}.Get(input) + provider.GetRequiredService<IArchive>().Get(input);

        static System.IServiceProvider Build(IServiceCollection services) => null!;

        public interface IReports { string Get(string id); }

        public interface IArchive { string Get(string id); }

        public sealed class Reports(IAmazonDynamoDB dynamo) : IReports
        {
            public string Get(string id) => id + dynamo.Config.RegionEndpoint;
        }

        public sealed class Archive(IAmazonS3 s3) : IArchive
        {
            public string Get(string id) => id + s3.Config.RegionEndpoint;
        }
        """, Reached("AmazonDynamoDBClient", "Program.<Main>$", "the factory in 'Program.<Main>$'"));

    [Fact]
    public Task GetRequiredServiceInAHandler_ConstructsTheService() => Verify.VerifyAnalyzerAsync(Services + """

        public class Functions
        {
            private readonly System.IServiceProvider _provider;

            public Functions(System.IServiceProvider provider) => _provider = provider;

            public Task<string> Get(string id, Amazon.Lambda.Core.ILambdaContext context) =>
                {|#1:_provider.GetRequiredService<IOrderService>()|}.GetAsync(id);
        }
        """,
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(0).WithLocation(1)
            .WithArguments("AmazonDynamoDBClient", "Functions.Get", "'new OrderService()'"),
        Verify.Diagnostic(ClientCreatedPerInvocationAnalyzer.ReachedRule).WithLocation(2).WithLocation(1)
            .WithArguments("AmazonDynamoDBClient", "Functions.Get", "'new OrderService()', 'new AuditLog()'"));

    [Fact]
    public Task ServicesInjectedIntoTheFunctionClass_AreMadeOnce() => Verify.VerifyAnalyzerAsync(
        Services.Replace("{|#0:", string.Empty).Replace("{|#2:", string.Empty).Replace("()|}", "()") + """

        public class Functions
        {
            private readonly IOrderService _orders;

            public Functions(IOrderService orders) => _orders = orders;

            [LambdaFunction]
            public Task<string> Get(string id) => _orders.GetAsync(id);
        }
        """);

    [Fact]
    public Task AnInMemoryFakeOfARegisteredInterface_IsNoCandidate() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;

        public interface IStore { string Load(string key); }

        public class S3Store : IStore
        {
            private static readonly AmazonS3Client s_s3 = new();

            public string Load(string key) => s_s3.ToString()!;
        }

        public class FakeStore : IStore
        {
            public string Load(string key) => new AmazonS3Client().ToString()!;
        }

        public static class Startup
        {
            public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStore, S3Store>();
        }

        public class Function
        {
            public static IStore s_store = null!;

            public string Handle(string input, ILambdaContext context) => s_store.Load(input);
        }
        """);
}
