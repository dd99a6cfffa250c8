using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method with an <c>ILambdaContext</c> parameter is a handler, except in a test project: there such a method is a
/// test helper or a fake, and only the other sources make a handler. A method the compiler declares (a record's
/// <c>Deconstruct</c>, whose <c>out</c> parameter a positional <c>ILambdaContext</c> gives) is none.
/// </summary>
internal sealed class SignatureEntrySource(Compilation compilation, LambdaSymbols symbols, TestCode tests) : IEntrySource
{
    private readonly Lazy<bool> _aliasesHideTheName = new(
        () => UsingAliases.Name(compilation, "ILambdaContext"), LazyThreadSafetyMode.PublicationOnly);

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        !tests.IsTestProject
        && method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation
        && !method.IsImplicitlyDeclared
        && MayNameTheContext(method, cancellationToken)
        && HandlerDiscovery.TakesLambdaContext(method, symbols);

    public bool MayDeclareEntries(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        !tests.IsTestProject && (_aliasesHideTheName.Value || DeclarationText.Names(type, "ILambdaContext", cancellationToken));

    /// <summary>
    /// Whether the method's declared parameter list names <c>ILambdaContext</c> (or a using alias could stand for it):
    /// a parameter is the context only by that exact type. Asking a method for its parameters binds its signature,
    /// which an editor's new compilation has not done yet for any method; the text is searched once per tree.
    /// </summary>
    private bool MayNameTheContext(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var references = method.DeclaringSyntaxReferences;
        if (references.IsEmpty || _aliasesHideTheName.Value)
        {
            return true;
        }

        foreach (var reference in references)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration
                || NestedCodeFilter.NamesHandlerWords(declaration.ParameterList, aliasesHideWords: false))
            {
                return true;
            }
        }

        return false;
    }
}
