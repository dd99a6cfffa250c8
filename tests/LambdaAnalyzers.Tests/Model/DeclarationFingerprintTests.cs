using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>The fingerprint under which the reach index reuses the calls of unchanged bodies.</summary>
public sealed class DeclarationFingerprintTests
{
    private const string Source = """
        public class Orders
        {
            private static int s_count = 1;

            public int Count => s_count;

            public void Save(string order)
            {
                System.Console.WriteLine(order);
            }
        }
        """;

    private static ulong Of(string source, CSharpCompilationOptions? options = null) =>
        DeclarationFingerprint.Of(
            CSharpCompilation.Create("Fingerprint", [CSharpSyntaxTree.ParseText(source, path: "Orders.cs")], [], options ?? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
            CancellationToken.None);

    [Fact]
    public void EditsInsideBodiesAndInitializers_KeepIt()
    {
        var original = Of(Source);

        Assert.Equal(original, Of(Source.Replace("System.Console.WriteLine(order);", "System.Console.WriteLine(order.Trim()); // edited")));
        Assert.Equal(original, Of(Source.Replace("s_count = 1", "s_count = 2")));
        Assert.Equal(original, Of(Source.Replace("=> s_count;", "=> s_count + 1;")));
    }

    [Fact]
    public void EditsOfDeclarations_Registrations_AndOptions_ChangeIt()
    {
        var original = Of(Source);

        Assert.NotEqual(original, Of(Source.Replace("Save(string order)", "Save(object order)")));
        Assert.NotEqual(original, Of(Source.Replace("public class Orders", "public sealed class Orders")));
        Assert.NotEqual(original, Of(Source.Replace("System.Console.WriteLine(order);", "services.AddTransient<IOrders, Orders>();")));
        Assert.NotEqual(original, Of(Source, new CSharpCompilationOptions(OutputKind.ConsoleApplication)));

        // A constant's value can choose an overload in another file.
        const string Constant = "public static class Limits { public const int Max = 100; public static readonly int Current = 1; }";
        Assert.NotEqual(Of(Constant), Of(Constant.Replace("Max = 100", "Max = 200")));
        Assert.Equal(Of(Constant), Of(Constant.Replace("Current = 1", "Current = 2")));
    }

    [Fact]
    public void ADeclarationChangeInAReferencedProject_ChangesIt()
    {
        static CSharpCompilation Core(string member) => CSharpCompilation.Create(
            "Core", [CSharpSyntaxTree.ParseText($"public class Order {{ {member} }}", path: "Order.cs")], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var functions = CSharpCompilation.Create("Functions", [CSharpSyntaxTree.ParseText(Source, path: "Orders.cs")], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var before = DeclarationFingerprint.Of(functions.AddReferences(Core("public int Id;").ToMetadataReference()), CancellationToken.None);
        var after = DeclarationFingerprint.Of(functions.AddReferences(Core("public int Id; public void Save() { }").ToMetadataReference()), CancellationToken.None);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void OptionsWhoseProviderCannotBeHashed_DoNotThrow()
    {
        // The compiler's own syntax tree options provider throws from GetHashCode and Equals.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(new UnhashableProvider());

        Assert.Equal(Of(Source), Of(Source, options));
    }

    private sealed class UnhashableProvider : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool Equals(object? obj) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();
    }
}
