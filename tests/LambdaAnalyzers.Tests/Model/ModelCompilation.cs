using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LambdaAnalyzers.Tests.Model;

/// <summary>A small Lambda compilation and its model, for asking the model directly.</summary>
internal sealed class ModelCompilation
{
    private readonly SemanticModel _semanticModel;

    private ModelCompilation(CSharpCompilation compilation, LambdaModel model)
    {
        Compilation = compilation;
        Model = model;

        // One semantic model: the operations it gives for a member and for a node inside it are one tree.
        _semanticModel = compilation.GetSemanticModel(compilation.SyntaxTrees.First());
    }

    /// <summary>Analyzer options without additional files or configuration, shared so that one model serves a compilation.</summary>
    public static AnalyzerOptions NoOptions { get; } = new([]);

    public CSharpCompilation Compilation { get; }

    public LambdaModel Model { get; }

    public static async Task<ModelCompilation> CreateAsync(
        string source,
        IEnumerable<MetadataReference>? extraReferences = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "Model",
        IEnumerable<(string Name, string Source)>? extraSources = null)
    {
        var compilation = await AnalyzerRunner.CompileAsync(
            [("Function.cs", source), .. extraSources ?? []], [.. FunctionProject.References, .. extraReferences ?? []], outputKind, assemblyName);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = LambdaModel.TryGet(compilation, ModelCompilation.NoOptions);
        Assert.NotNull(model);
        return new ModelCompilation(compilation, model);
    }

    public IMethodSymbol Method(string name) =>
        Compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    public IMethodSymbol Method(string name, string typeName) =>
        Compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Single(m => m.ContainingType.Name == typeName);

    public INamedTypeSymbol Type(string name) =>
        Compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();

    /// <summary>The invocation scope of a method, as a rule's operation-block callback would get it.</summary>
    public InvocationScope? Scope(string methodName)
    {
        var method = Method(methodName);
        var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
        var block = _semanticModel.GetOperation(syntax)!;
        return Model.GetInvocationScope(method, [block], CancellationToken.None);
    }

    /// <summary>The operation of the first node of a kind whose text is the given text.</summary>
    public IOperation Operation<TSyntax>(string text)
        where TSyntax : SyntaxNode
    {
        var tree = Compilation.SyntaxTrees.First();
        var node = tree.GetRoot().DescendantNodes().OfType<TSyntax>().First(n => n.ToString() == text);
        return _semanticModel.GetOperation(node)!;
    }

    /// <summary>The operation of a node, from the same tree as <see cref="Scope"/>'s blocks.</summary>
    public IOperation OperationOf(SyntaxNode node) => _semanticModel.GetOperation(node)!;

    public IOperation Creation(string text) => Operation<ObjectCreationExpressionSyntax>(text);
}
