using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<
    LambdaAnalyzers.Rules.HandlerNotCallableAnalyzer,
    LambdaAnalyzers.Rules.HandlerNotCallableFixer>;

namespace LambdaAnalyzers.Tests.Rules;

public sealed class HandlerNotCallableFixerTests
{
    [Fact]
    public Task InputWithoutSerializer_AddsTheAssemblySerializerAfterTheUsings() => Verify.VerifyCodeFixAsync("""
        using Amazon.Lambda.Core;

        namespace Orders;

        public sealed record Order(string Id);

        public class Function
        {
            public string [|FunctionHandler|](Order order, ILambdaContext context) => order.Id;
        }
        """, """
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

        namespace Orders;

        public sealed record Order(string Id);

        public class Function
        {
            public string FunctionHandler(Order order, ILambdaContext context) => order.Id;
        }
        """);

    [Fact]
    public Task ReturnedDataWithoutSerializer_AddsTheAssemblySerializer_BesideOtherAssemblyAttributes() => Verify.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        [assembly: System.CLSCompliant(false)]

        namespace Orders
        {
            public sealed record Receipt(string Id);

            public class Function
            {
                public Task<Receipt> [|HandleAsync|](Stream input, ILambdaContext context) => Task.FromResult(new Receipt("1"));
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: System.CLSCompliant(false)]
        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

        namespace Orders
        {
            public sealed record Receipt(string Id);

            public class Function
            {
                public Task<Receipt> HandleAsync(Stream input, ILambdaContext context) => Task.FromResult(new Receipt("1"));
            }
        }
        """);

    [Fact]
    public Task FileWithoutUsings_KeepsItsHeaderFirst() => Verify.VerifyCodeFixAsync("""
        // Copyright (c) Contoso. All rights reserved.

        namespace Orders;

        public class Function
        {
            public string [|Handle|](string input, Amazon.Lambda.Core.ILambdaContext context) => input;
        }
        """, """
        // Copyright (c) Contoso. All rights reserved.

        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

        namespace Orders;

        public class Function
        {
            public string Handle(string input, Amazon.Lambda.Core.ILambdaContext context) => input;
        }
        """);

    [Fact]
    public Task FixAll_HandlersInTwoFiles_OneAttributeInTheFirstFile() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using Amazon.Lambda.Core;

                namespace Orders;

                public sealed record Order(string Id);

                public class OrderFunction
                {
                    public Order [|Get|](string id, ILambdaContext context) => new(id);

                    public string [|Put|](Order order, ILambdaContext context) => order.Id;
                }
                """,
                """
                using Amazon.Lambda.Core;

                namespace Orders;

                public class AuditFunction
                {
                    public int [|Count|](ILambdaContext context) => 0;
                }
                """,
            },
        },
        FixedState =
        {
            Sources =
            {
                """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Serialization.SystemTextJson;

                [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

                namespace Orders;

                public sealed record Order(string Id);

                public class OrderFunction
                {
                    public Order Get(string id, ILambdaContext context) => new(id);

                    public string Put(Order order, ILambdaContext context) => order.Id;
                }
                """,
                """
                using Amazon.Lambda.Core;

                namespace Orders;

                public class AuditFunction
                {
                    public int Count(ILambdaContext context) => 0;
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task FixAll_InTheSolution_OneAttributePerProject()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Amazon.Lambda.Core;

                    public class Function
                    {
                        public string [|Handle|](string input, ILambdaContext context) => input;

                        public int [|Count|](ILambdaContext context) => 0;
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Amazon.Lambda.Core;
                    using Amazon.Lambda.Serialization.SystemTextJson;

                    [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

                    public class Function
                    {
                        public string Handle(string input, ILambdaContext context) => input;

                        public int Count(ILambdaContext context) => 0;
                    }
                    """,
                },
            },
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck,
        };
        var other = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Other/Test", "cs")
        {
            Sources =
            {
                """
                using Amazon.Lambda.Core;

                public class OtherFunction
                {
                    public decimal [|Total|](ILambdaContext context) => 0m;
                }
                """,
            },
        };
        other.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalProjects.Add("Other", other);
        var otherFixed = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Other/Test", "cs")
        {
            Sources =
            {
                """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Serialization.SystemTextJson;

                [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

                public class OtherFunction
                {
                    public decimal Total(ILambdaContext context) => 0m;
                }
                """,
            },
        };
        otherFixed.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalProjects.Add("Other", otherFixed);
        return test.RunAsync();
    }

    [Fact]
    public Task ConstructorReason_NoFix() => Verify.VerifyNoCodeFixAsync("""
        using System.IO;
        using Amazon.Lambda.Core;

        public class Function(string table)
        {
            public Stream {|LMB0012:Handle|}(Stream input, ILambdaContext context) => input;
        }
        """);

    [Fact]
    public Task WithoutSystemTextJsonSerialization_NoFix()
    {
        const string source = """
            using Amazon.Lambda.Core;

            public class Function
            {
                public string [|Handle|](string input, ILambdaContext context) => input;
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => !IsSystemTextJsonSerialization(r)));
        return test.RunAsync();
    }

    [Fact]
    public void FixAll_HasAProviderOfItsOwn() =>
        Assert.NotSame(WellKnownFixAllProviders.BatchFixer, new HandlerNotCallableFixer().GetFixAllProvider());

    private static bool IsSystemTextJsonSerialization(Microsoft.CodeAnalysis.MetadataReference reference) =>
        reference.Display?.EndsWith("Amazon.Lambda.Serialization.SystemTextJson.dll", StringComparison.OrdinalIgnoreCase) == true;
}
