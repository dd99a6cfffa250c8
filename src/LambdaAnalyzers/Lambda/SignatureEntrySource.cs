using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method with an <c>ILambdaContext</c> parameter is a handler, except in a test project: there such a method is a
/// test helper or a fake, and only the other sources make a handler.
/// </summary>
internal sealed class SignatureEntrySource(LambdaSymbols symbols, TestCode tests) : IEntrySource
{
    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        !tests.IsTestProject
        && method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation
        && HandlerDiscovery.TakesLambdaContext(method, symbols);
}
