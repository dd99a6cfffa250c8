using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>How long a service registered with Microsoft.Extensions.DependencyInjection lives.</summary>
internal enum ServiceLifetime
{
    Singleton,
    Scoped,
    Transient,
}

/// <summary>
/// One registration: its lifetime, and the class the container constructs, or the factory lambda it calls instead
/// (<c>AddTransient&lt;T&gt;(sp =&gt; ...)</c>); neither for an instance.
/// </summary>
internal readonly struct ServiceRegistration(ServiceLifetime lifetime, INamedTypeSymbol? implementation, IAnonymousFunctionOperation? factory = null)
{
    public ServiceLifetime Lifetime { get; } = lifetime;

    public INamedTypeSymbol? Implementation { get; } = implementation;

    /// <summary>The lambda the container calls for each instance it makes, when the registration gives one.</summary>
    public IAnonymousFunctionOperation? Factory { get; } = factory;
}

/// <summary>
/// The services a compilation registers with Microsoft.Extensions.DependencyInjection (<c>AddTransient</c>,
/// <c>AddScoped</c>, <c>AddSingleton</c> and their <c>TryAdd</c> forms, generic or with <c>typeof</c>), found from the
/// text of each file and bound only where a registration name occurs.
/// </summary>
internal sealed class ServiceRegistrations
{
    private static readonly string[] s_words = ["AddTransient", "AddScoped", "AddSingleton"];

    private readonly Dictionary<INamedTypeSymbol, List<ServiceRegistration>> _byService = new(SymbolEqualityComparer.Default);

    private ServiceRegistrations()
    {
    }

    public static ServiceRegistrations Empty { get; } = new();

    /// <summary>The registrations of a service type (by its definition), or none.</summary>
    public IReadOnlyList<ServiceRegistration> Get(ITypeSymbol service) =>
        service is INamedTypeSymbol named && _byService.TryGetValue(named.OriginalDefinition, out var found) ? found : Array.Empty<ServiceRegistration>();

    public static ServiceRegistrations Find(Compilation compilation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var types = KnownTypes.Get(compilation);
        var extensions = types.Find(KnownTypeNames.DependencyInjectionServiceCollectionServiceExtensions, KnownTypeNames.DependencyInjectionAbstractionsAssemblyName);
        var descriptors = types.Find(KnownTypeNames.DependencyInjectionServiceCollectionDescriptorExtensions, KnownTypeNames.DependencyInjectionAbstractionsAssemblyName);
        if (extensions is null && descriptors is null)
        {
            return Empty;
        }

        var found = new ServiceRegistrations();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Mentions(tree.GetText(cancellationToken).ToString()))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in TreeWalk.DescendantNodes(tree.GetRoot(cancellationToken), static _ => true))
            {
                if (node is not InvocationExpressionSyntax invocation || !Mentions(NameOf(invocation.Expression)))
                {
                    continue;
                }

                model ??= modelOf(tree);
                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod: var method } operation
                    && (method.ContainingType.IsType(extensions) || method.ContainingType.IsType(descriptors)))
                {
                    found.Add(operation);
                }
            }
        }

        return found;
    }

    private static bool Mentions(string text)
    {
        foreach (var word in s_words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };

    private void Add(IInvocationOperation registration)
    {
        var method = registration.TargetMethod;
        ServiceLifetime lifetime;
        if (method.Name.IndexOf("Transient", StringComparison.Ordinal) >= 0)
        {
            lifetime = ServiceLifetime.Transient;
        }
        else if (method.Name.IndexOf("Scoped", StringComparison.Ordinal) >= 0)
        {
            lifetime = ServiceLifetime.Scoped;
        }
        else if (method.Name.IndexOf("Singleton", StringComparison.Ordinal) >= 0)
        {
            lifetime = ServiceLifetime.Singleton;
        }
        else
        {
            return;
        }

        // A factory or an instance argument: the implementation is not a class the container constructs.
        var hasFactoryOrInstance = false;
        IAnonymousFunctionOperation? factory = null;
        var typeOfs = new List<ITypeSymbol>(2);
        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && method.IsExtensionMethod)
            {
                continue;
            }

            if (Wrappers.ConversionsAndParentheses(argument.Value) is ITypeOfOperation { TypeOperand: var operand })
            {
                typeOfs.Add(operand);
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                hasFactoryOrInstance = true;
                if (Wrappers.ConversionsAndParentheses(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    factory = lambda;
                }
            }
        }

        ITypeSymbol? service;
        ITypeSymbol? implementation;
        if (method.TypeArguments.Length == 2)
        {
            // With a factory, the container calls it rather than the constructor (ReachIndex follows the factory), but the
            // type is still the one that implements the service, for dispatch.
            (service, implementation) = (method.TypeArguments[0], method.TypeArguments[1]);
        }
        else if (method.TypeArguments.Length == 1)
        {
            (service, implementation) = (method.TypeArguments[0], hasFactoryOrInstance ? null : method.TypeArguments[0]);
        }
        else if (typeOfs.Count > 0)
        {
            (service, implementation) = (typeOfs[0], typeOfs.Count > 1 ? typeOfs[1] : hasFactoryOrInstance ? null : typeOfs[0]);
        }
        else
        {
            return;
        }

        if (service is not INamedTypeSymbol serviceType)
        {
            return;
        }

        var key = serviceType.OriginalDefinition;
        if (!_byService.TryGetValue(key, out var list))
        {
            _byService[key] = list = new List<ServiceRegistration>();
        }

        list.Add(new ServiceRegistration(lifetime, (implementation as INamedTypeSymbol)?.OriginalDefinition, factory));
    }
}
