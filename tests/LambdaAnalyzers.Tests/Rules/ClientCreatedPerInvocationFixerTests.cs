using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.ClientCreatedPerInvocationAnalyzer,
    LambdaAnalyzers.Rules.ClientCreatedPerInvocationFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class ClientCreatedPerInvocationFixerTests
{
    // ---- Hoisted to a field with an initializer ---------------------------------------------------------------

    [Fact]
    public Task InstanceHandler_HoistsToReadonlyFieldWithInitializer() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                var buckets = await s3.ListBucketsAsync();
                return buckets.Buckets?.Count ?? 0;
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _s3Client = new AmazonS3Client();

            public async Task<int> Handle(string input, ILambdaContext context)
            {
                var buckets = await _s3Client.ListBucketsAsync();
                return buckets.Buckets?.Count ?? 0;
            }
        }
        """);

    [Fact]
    public Task StaticHandler_HoistsToStaticReadonlyField() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public static class Function
        {
            private const string Queue = "https://sqs/queue";

            public static async Task Handle(string input, ILambdaContext context)
            {
                IAmazonSQS sqs = [|new AmazonSQSClient(RegionEndpoint.EUWest1)|];
                await sqs.SendMessageAsync(Queue, input);
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.SQS;

        public static class Function
        {
            private const string Queue = "https://sqs/queue";
            private static readonly IAmazonSQS _sqsClient = new AmazonSQSClient(RegionEndpoint.EUWest1);

            public static async Task Handle(string input, ILambdaContext context)
            {
                await _sqsClient.SendMessageAsync(Queue, input);
            }
        }
        """);

    [Fact]
    public Task UsingDeclarationAndDispose_AreRemoved() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                using var http = [|new HttpClient()|];
                var s3 = [|new AmazonS3Client()|];
                try
                {
                    await s3.ListBucketsAsync();
                    return await http.GetStringAsync("https://example.com");
                }
                finally
                {
                    s3.Dispose();
                }
            }
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly HttpClient _httpClient = new HttpClient();
            private readonly AmazonS3Client _s3Client = new AmazonS3Client();

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                try
                {
                    await _s3Client.ListBucketsAsync();
                    return await _httpClient.GetStringAsync("https://example.com");
                }
                finally
                {
                }
            }
        }
        """);

    [Fact]
    public Task UsingStatement_KeepsItsBody() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task<int> Handle(string input, ILambdaContext context)
            {
                using (var s3 = [|new AmazonS3Client()|])
                {
                    var buckets = await s3.ListBucketsAsync();
                    return buckets.Buckets?.Count ?? 0;
                }
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _s3Client = new AmazonS3Client();

            public async Task<int> Handle(string input, ILambdaContext context)
            {
                var buckets = await _s3Client.ListBucketsAsync();
                return buckets.Buckets?.Count ?? 0;
            }
        }
        """);

    [Fact]
    public Task InlineReceiver_IsReplacedByTheField() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task Handle(string input, ILambdaContext context) => await [|new AmazonS3Client()|].ListBucketsAsync();
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _s3Client = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context) => await _s3Client.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task ExistingConventionsAndNames_AreFollowed() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly string s_bucket = "invoices";
            private int _s3Client;

            public static async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = s_bucket });
            }
        }

        public class Other
        {
            private readonly string bucket = "b";

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                await s3.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly string s_bucket = "invoices";
            private int _s3Client;
            private static readonly AmazonS3Client s_s3Client = new AmazonS3Client();

            public static async Task Handle(string input, ILambdaContext context)
            {
                await s_s3Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = s_bucket });
            }
        }

        public class Other
        {
            private readonly string bucket = "b";
            private readonly AmazonS3Client s3Client = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await s3Client.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task NameCollision_GetsANumber() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly IAmazonS3 _s3Client = new AmazonS3Client(Amazon.RegionEndpoint.USEast1);

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                await s3.ListBucketsAsync();
                await _s3Client.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly IAmazonS3 _s3Client = new AmazonS3Client(Amazon.RegionEndpoint.USEast1);
            private readonly AmazonS3Client _s3Client2 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3Client2.ListBucketsAsync();
                await _s3Client.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task EquivalentExistingField_IsReused() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _storage = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                await s3.ListBucketsAsync();
                await _storage.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _storage = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _storage.ListBucketsAsync();
                await _storage.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task PrimaryConstructorParameter_UsesTheInitializer() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function(RegionEndpoint region)
        {
            public Function() : this(RegionEndpoint.USEast1) { }

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client(region)|];
                await s3.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function(RegionEndpoint region)
        {
            private readonly AmazonS3Client _s3Client = new AmazonS3Client(region);

            public Function() : this(RegionEndpoint.USEast1) { }

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3Client.ListBucketsAsync();
            }
        }
        """);

    // ---- Hoisted to a field assigned in constructors ----------------------------------------------------------

    [Fact]
    public Task InstanceMembers_AreAssignedInEveryConstructor() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly RegionEndpoint _region;

            public Function() : this(RegionEndpoint.USEast1) { }

            public Function(RegionEndpoint region) => _region = region;

            public Function(string regionName)
            {
                _region = RegionEndpoint.GetBySystemName(regionName);
            }

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client(_region)|];
                await s3.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly RegionEndpoint _region;
            private readonly AmazonS3Client _s3Client;

            public Function() : this(RegionEndpoint.USEast1) { }

            public Function(RegionEndpoint region)
            {
                _region = region;
                _s3Client = new AmazonS3Client(_region);
            }

            public Function(string regionName)
            {
                _region = RegionEndpoint.GetBySystemName(regionName);
                _s3Client = new AmazonS3Client(_region);
            }

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3Client.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task InstanceMembersWithoutConstructor_AddsOne() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly RegionEndpoint _region = RegionEndpoint.USEast1;

            public async Task Handle(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client(_region)|];
                await s3.ListBucketsAsync();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly RegionEndpoint _region = RegionEndpoint.USEast1;
            private readonly AmazonS3Client _s3Client;

            public Function()
            {
                _s3Client = new AmazonS3Client(_region);
            }

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3Client.ListBucketsAsync();
            }
        }
        """);

    // ---- Hoisted to a local before a nested handler ---------------------------------------------------------

    [Fact]
    public Task TopLevelHandler_HoistsToALocalBeforeIt() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            var bucket = System.Environment.GetEnvironmentVariable("BUCKET") ?? "invoices";
            var handler = async (string key, ILambdaContext context) =>
            {
                using var s3 = [|new AmazonS3Client()|];
                var response = await s3.GetObjectMetadataAsync(bucket, key);
                return response.ContentLength;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            var bucket = System.Environment.GetEnvironmentVariable("BUCKET") ?? "invoices";
            var s3 = new AmazonS3Client();
            var handler = async (string key, ILambdaContext context) =>
            {
                var response = await s3.GetObjectMetadataAsync(bucket, key);
                return response.ContentLength;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
    }.RunAsync();

    [Fact]
    public Task LocalFunctionHandlerInMain_HoistsBeforeTheRegistration() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            public static class Program
            {
                public static async Task Main()
                {
                    await LambdaBootstrapBuilder.Create((Func<Stream, Task<Stream>>)Handle).Build().RunAsync();

                    async Task<Stream> Handle(Stream input)
                    {
                        var s3 = [|new AmazonS3Client()|];
                        await s3.ListBucketsAsync();
                        return input;
                    }
                }
            }
            """,
        FixedCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.S3;

            public static class Program
            {
                public static async Task Main()
                {
                    var s3 = new AmazonS3Client();
                    await LambdaBootstrapBuilder.Create((Func<Stream, Task<Stream>>)Handle).Build().RunAsync();

                    async Task<Stream> Handle(Stream input)
                    {
                        await s3.ListBucketsAsync();
                        return input;
                    }
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task LocalFunctionReachedThroughAnother_HoistsBeforeTheFirstUse() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.SQS;

            var queue = "https://sqs/queue";
            var handler = async (string message, ILambdaContext context) => await SendAsync(message);
            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async Task<string> SendAsync(string message)
            {
                await EnqueueAsync(message);
                return message;
            }

            async Task EnqueueAsync(string message)
            {
                var sqs = [|new AmazonSQSClient()|];
                await sqs.SendMessageAsync(queue, message);
            }
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.SQS;

            var queue = "https://sqs/queue";
            var sqs = new AmazonSQSClient();
            var handler = async (string message, ILambdaContext context) => await SendAsync(message);
            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            async Task<string> SendAsync(string message)
            {
                await EnqueueAsync(message);
                return message;
            }

            async Task EnqueueAsync(string message)
            {
                await sqs.SendMessageAsync(queue, message);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task NameTakenInTheEnclosingBody_GetsAnotherName() => new Verify.Test
    {
        TestState = { OutputKind = OutputKind.ConsoleApplication },
        TestCode = """
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            var s3 = "name in use";
            var handler = (string key, ILambdaContext context) =>
            {
                var client = [|new AmazonS3Client()|];
                return client.Config.RegionEndpoint?.SystemName ?? s3;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
        FixedCode = """
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            var s3 = "name in use";
            var client = new AmazonS3Client();
            var handler = (string key, ILambdaContext context) =>
            {
                return client.Config.RegionEndpoint?.SystemName ?? s3;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """,
    }.RunAsync();

    // ---- Fix All ---------------------------------------------------------------------------------------------

    [Fact]
    public Task FixAll_OneFieldPerTypeAndEquivalentCreation() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public async Task Upload(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client()|];
                await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = input });
            }

            public async Task Download(string input, ILambdaContext context)
            {
                using var storage = [|new AmazonS3Client()|];
                using var http = [|new HttpClient()|];
                await storage.GetObjectAsync("b", input);
                await http.GetAsync("https://example.com");
            }

            public async Task Regional(string input, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client(Amazon.RegionEndpoint.EUWest1)|];
                await s3.ListBucketsAsync();
            }
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly AmazonS3Client _s3Client = new AmazonS3Client();
            private readonly HttpClient _httpClient = new HttpClient();
            private readonly AmazonS3Client _s3Client2 = new AmazonS3Client(Amazon.RegionEndpoint.EUWest1);

            public async Task Upload(string input, ILambdaContext context)
            {
                await _s3Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = input });
            }

            public async Task Download(string input, ILambdaContext context)
            {
                await _s3Client.GetObjectAsync("b", input);
                await _httpClient.GetAsync("https://example.com");
            }

            public async Task Regional(string input, ILambdaContext context)
            {
                await _s3Client2.ListBucketsAsync();
            }
        }
        """);

    // ---- No fix ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var s3 = [|new AmazonS3Client()|]; return s3;", "AmazonS3Client")]
    [InlineData("var s3 = [|new AmazonS3Client()|]; Use(s3); return null!;", "AmazonS3Client")]
    [InlineData("var s3 = [|new AmazonS3Client()|]; s3 = [|new AmazonS3Client(Amazon.RegionEndpoint.USEast1)|]; return null!;", "AmazonS3Client")]
    [InlineData("var s3 = [|new AmazonS3Client()|]; var alias = s3; return null!;", "AmazonS3Client")]
    [InlineData("var s3 = [|new AmazonS3Client()|]; Swap(ref s3); return null!;", "AmazonS3Client")]
    [InlineData("var region = _region; var s3 = [|new AmazonS3Client(region)|]; s3.Dispose(); return null!;", "AmazonS3Client")]
    [InlineData("Use([|new AmazonS3Client()|]); return null!;", "AmazonS3Client")]
    [InlineData("var s3 = [|new AmazonS3Client()|]; if (input.Length > 0) s3.Dispose(); return null!;", "AmazonS3Client")]
    public Task UnsafeShapes_OfferNoFix(string statements, string _) => Verify.VerifyNoCodeFixAsync($$"""
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly RegionEndpoint _region = RegionEndpoint.USEast1;

            public AmazonS3Client Handle(string input, ILambdaContext context)
            {
                {{statements}}
            }

            private static void Use(AmazonS3Client client) { }

            private static void Swap(ref AmazonS3Client client) { }
        }
        """);

    [Fact]
    public Task ConstructorInAnotherDocument_OffersNoFix() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.Lambda.Core;
                using Amazon.S3;

                public partial class Function
                {
                    private readonly RegionEndpoint _region = RegionEndpoint.USEast1;

                    public async Task Handle(string input, ILambdaContext context)
                    {
                        var s3 = [|new AmazonS3Client(_region)|];
                        await s3.ListBucketsAsync();
                    }
                }
                """,
                """
                public partial class Function
                {
                    public Function() { }
                }
                """,
            },
        },
        FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll, MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task StaticHandlerLambda_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly Func<string, ILambdaContext, string> _handler;

            public Function()
            {
                _handler = static (input, context) =>
                {
                    var s3 = [|new AmazonS3Client()|];
                    return s3.Config.ServiceURL ?? input;
                };
            }
        }
        """);

    [Fact]
    public Task PerInvocationHelperReadingInstanceMembers_OffersNoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Processor
        {
            private readonly RegionEndpoint _region;

            public Processor(RegionEndpoint region) => _region = region;

            public async Task Process(string key, ILambdaContext context)
            {
                var s3 = [|new AmazonS3Client(_region)|];
                await s3.ListBucketsAsync();
            }
        }
        """);
}
