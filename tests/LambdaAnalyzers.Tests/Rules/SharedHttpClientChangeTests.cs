using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.InvocationDataKeptAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LMB0005: a shared HttpClient whose headers or settings are changed on every invocation.</summary>
public sealed class SharedHttpClientChangeTests
{
    [Fact]
    public Task SamHelloWorldShape_HeadersChangedInAHelperTheHandlerCalls_AreReportedWithThePath() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly HttpClient client = new HttpClient();

            private static async Task<string> GetCallingIP()
            {
                {|#0:client.DefaultRequestHeaders.Accept.Clear()|};
                {|#2:client.DefaultRequestHeaders.Add("User-Agent", "AWS Lambda .Net Client")|};
                return await client.GetStringAsync("http://checkip.amazonaws.com/");
            }

            public async Task<string> FunctionHandler(string input, ILambdaContext context) => await {|#1:GetCallingIP()|};
        }
        """,
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.HeadersRule)).WithLocation(0).WithLocation(1).WithArguments("Function.FunctionHandler", "'Function.GetCallingIP'"),
        Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.HeadersRule)).WithLocation(2).WithLocation(1).WithArguments("Function.FunctionHandler", "'Function.GetCallingIP'"));

    [Fact]
    public Task HeaderPropertyAndSettings_OnSharedClients_InTheHandler_AreReported() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly HttpClient s_http = new();
            private readonly HttpClient _api = new();

            public void Handle(string token, ILambdaContext context)
            {
                {|#0:s_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token)|};
                {|#1:_api.BaseAddress = new Uri("https://api.example.com/")|};
                {|#2:s_http.Timeout = TimeSpan.FromSeconds(5)|};
            }
        }
        """,
        Verify.Diagnostic(InvocationDataKeptAnalyzer.HeadersRule).WithLocation(0),
        Verify.Diagnostic(InvocationDataKeptAnalyzer.SettingRule).WithLocation(1).WithArguments("BaseAddress"),
        Verify.Diagnostic(InvocationDataKeptAnalyzer.SettingRule).WithLocation(2).WithArguments("Timeout"));

    [Fact]
    public Task ClientsFromIHttpClientFactory_AndTypedClientsResolvedPerInvocation_AreNotShared()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Threading.Tasks;
                using Amazon.Lambda.Annotations;
                using Amazon.Lambda.Core;
                using Microsoft.Extensions.DependencyInjection;

                public class PartnerApi
                {
                    private readonly HttpClient _http;

                    public PartnerApi(HttpClient http) => _http = http;

                    public Task<string> GetAsync(string token)
                    {
                        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        return _http.GetStringAsync("orders");
                    }
                }

                [LambdaStartup]
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services) =>
                        services.AddHttpClient<PartnerApi>(client => client.BaseAddress = new Uri("https://partner.example.com/"));
                }

                public class Function
                {
                    private readonly IHttpClientFactory _factory;
                    private readonly IServiceProvider _services;

                    public Function(IHttpClientFactory factory, IServiceProvider services) => (_factory, _services) = (factory, services);

                    [LambdaFunction]
                    public async Task<string> Handle(string token, ILambdaContext context, [FromServices] PartnerApi api)
                    {
                        var client = _factory.CreateClient("partner");
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        client.BaseAddress = new Uri("https://partner.example.com/");
                        var resolved = _services.GetRequiredService<PartnerApi>();
                        return await client.GetStringAsync("status") + await api.GetAsync(token) + await resolved.GetAsync(token);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.HttpClientFactory);
        return test.RunAsync();
    }

    [Fact]
    public Task TypedClientHeldByTheFunctionClass_IsShared_AndItsHeaderChangeIsReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Net.Http.Headers;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                public class PartnerApi
                {
                    private readonly HttpClient _http;

                    public PartnerApi(HttpClient http) => _http = http;

                    public Task<string> GetAsync(string token)
                    {
                        {|#0:_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token)|};
                        return _http.GetStringAsync("orders");
                    }
                }

                public class Function
                {
                    private readonly PartnerApi _api;

                    public Function() : this(new PartnerApi(new HttpClient())) { }

                    public Function(PartnerApi api) => _api = api;

                    public Task<string> Handle(string token, ILambdaContext context) => {|#1:_api.GetAsync(token)|};
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(Reached.TwinOf(InvocationDataKeptAnalyzer.HeadersRule)).WithLocation(0).WithLocation(1)
                    .WithArguments("Function.Handle", "'PartnerApi.GetAsync'"),
            },
        };
        test.TestState.AdditionalReferences.Add(TestReferences.HttpClientFactory);
        return test.RunAsync();
    }

    [Fact]
    public Task InitCode_OneTimeGuards_OwnClients_AndRequestHeaders_AreNotReported() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using Amazon.Lambda.Core;

        public class Function
        {
            private static readonly HttpClient s_http = new();
            private static bool s_configured;

            public Function() => s_http.DefaultRequestHeaders.Add("User-Agent", "orders");

            public string Handle(string input, ILambdaContext context)
            {
                if (!s_configured)
                {
                    s_http.DefaultRequestHeaders.Add("Accept", "application/json");
                    s_configured = true;
                }

                using var own = new HttpClient();
                own.DefaultRequestHeaders.Add("X-Tenant", input);
                own.BaseAddress = new Uri("https://api.example.com/");

                using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
                request.Headers.Add("X-Tenant", input);
                return request.ToString();
            }
        }

        public class Gateway
        {
            private readonly HttpClient _http = new();

            public void Call(string tenant) => _http.DefaultRequestHeaders.Add("X-Tenant", tenant);
        }

        public class Orders
        {
            public void Handle(string input, ILambdaContext context) => new Gateway().Call(input);
        }
        """);
}
