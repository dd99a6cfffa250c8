using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What long-lived state is, resolved once per compilation: the members that outlive an invocation (statics of this
/// project that are not <c>[ThreadStatic]</c>, fields and auto-properties of instances the runtime reuses), the
/// collections and dictionaries that grow, and the atomic and one-time updates that do not leak. A block asks through
/// <see cref="StateHolders"/>.
/// </summary>
internal sealed class LongLivedState
{
    private readonly ConcurrentDictionary<IPropertySymbol, bool> _autoProperties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _calledByTheRuntime = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> _intentional = new();
    private readonly Compilation _compilation;
    private readonly IAssemblySymbol _assembly;
    private readonly INamedTypeSymbol? _interlocked;
    private readonly INamedTypeSymbol? _lazyInitializer;
    private readonly INamedTypeSymbol _enumerable;
    private readonly ImmutableArray<INamedTypeSymbol?> _dictionaries;

    private readonly Func<INamedTypeSymbol, bool> _createdPerInvocation;

    /// <param name="createdPerInvocation">Whether per-invocation code creates instances of a type (the reach index).</param>
    public LongLivedState(Compilation compilation, HandlerCatalog handlers, Func<INamedTypeSymbol, bool> createdPerInvocation)
    {
        _compilation = compilation;
        Handlers = handlers;
        _createdPerInvocation = createdPerInvocation;
        _assembly = compilation.Assembly;
        var types = KnownTypes.Get(compilation);
        ThreadStatic = types.Find(KnownTypeNames.SystemThreadStaticAttribute);
        _interlocked = types.Find(KnownTypeNames.SystemThreadingInterlocked);
        _lazyInitializer = types.Find(KnownTypeNames.SystemThreadingLazyInitializer);
        _enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        _dictionaries = ImmutableArray.CreateRange(new[]
        {
            types.Find(KnownTypeNames.SystemCollectionsGenericIDictionary2),
            types.Find(KnownTypeNames.SystemCollectionsGenericIReadOnlyDictionary2),
            types.Find(KnownTypeNames.SystemCollectionsIDictionary),
        });
    }

    /// <summary>Which instances the runtime reuses.</summary>
    public HandlerCatalog Handlers { get; }

    /// <summary>
    /// Whether the runtime reuses instances of the type (<see cref="HandlerCatalog.IsReusedHandlerInstance"/>) and the
    /// project does not create them per invocation itself: a class with a handler's shape that a handler creates with
    /// <c>new</c> is a per-invocation object, unless the runtime is known to call it too: a handler string names one of
    /// its methods (declared there or in a base class), or it has <c>[LambdaFunction]</c> methods (whose generated
    /// wrapper keeps one instance).
    /// </summary>
    public bool IsReusedInstance(INamedTypeSymbol type) =>
        Handlers.IsReusedHandlerInstance(type) && !(_createdPerInvocation(type) && !IsCalledByTheRuntimeOnce(type));

    /// <summary><see cref="IsCalledByTheRuntime"/>, decided once per type (it lists the members of the type and its bases).</summary>
    private bool IsCalledByTheRuntimeOnce(INamedTypeSymbol type)
    {
        var key = type.OriginalDefinition;
        if (!_calledByTheRuntime.TryGetValue(key, out var called))
        {
            called = _calledByTheRuntime.GetOrAdd(key, IsCalledByTheRuntime(key));
        }

        return called;
    }

    private bool IsCalledByTheRuntime(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        for (var current = definition; current is not null && IsDeclaredInSource(current); current = current.BaseType?.OriginalDefinition)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol method)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(current, definition) && Handlers.IsLambdaFunction(method))
                {
                    return true;
                }

                foreach (var named in Handlers.GetHandlerStringTypes(method))
                {
                    if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public INamedTypeSymbol? ThreadStatic { get; }

    private static readonly ImmutableHashSet<string> s_growingMethods = ImmutableHashSet.Create(
        "Add", "AddRange", "Insert", "Enqueue", "Push", "TryAdd", "AddOrUpdate");

    private static readonly ImmutableHashSet<string> s_keyLookups = ImmutableHashSet.Create(
        "TryGetValue", "ContainsKey", "GetValueOrDefault");

    private static readonly ImmutableHashSet<string> s_keyedStores = ImmutableHashSet.Create(
        "Add", "TryAdd", "AddOrUpdate", "GetOrAdd", "Set");

    /// <summary>
    /// The collection a call works on (its instance, or the first argument of an extension method), and the arguments
    /// after it: a keyed call's key and value.
    /// </summary>
    public static IOperation? KeyedReceiver(IInvocationOperation call, out IOperation? key, out IOperation? value)
    {
        var extension = call.Instance is null && call.TargetMethod.IsExtensionMethod;
        var index = extension ? 1 : 0;
        key = call.Arguments.Length > index ? call.Arguments[index].Value : null;
        value = call.Arguments.Length > index + 1 ? call.Arguments[index + 1].Value : null;
        return extension ? (call.Arguments.IsEmpty ? null : call.Arguments[0].Value) : call.Instance;
    }

    /// <summary>A call that looks a key up in a dictionary or cache without storing: <c>TryGetValue</c>, <c>ContainsKey</c>, <c>GetValueOrDefault</c>.</summary>
    public static bool IsKeyLookup(string methodName) => s_keyLookups.Contains(methodName);

    /// <summary>A call that stores a value under a key: <c>Add</c>, <c>TryAdd</c>, <c>AddOrUpdate</c>, <c>GetOrAdd</c>, a cache's <c>Set</c>.</summary>
    public static bool StoresUnderAKey(string methodName) => s_keyedStores.Contains(methodName);

    /// <summary>
    /// A call that adds to a collection (<c>Add</c>, <c>AddRange</c>, <c>Insert</c>, <c>Enqueue</c>, <c>Push</c>,
    /// <c>TryAdd</c>, <c>AddOrUpdate</c>, as instance or extension methods), with the collection it grows and, for a
    /// keyed add, the key; not a call that returns a new collection of the same type (<c>ImmutableList&lt;T&gt;.Add</c>).
    /// </summary>
    public bool TryGetGrowth(IInvocationOperation invocation, out IOperation receiver, out IOperation? key)
    {
        receiver = null!;
        key = null;
        var method = invocation.TargetMethod;
        if (!s_growingMethods.Contains(method.Name))
        {
            return false;
        }

        var target = KeyedReceiver(invocation, out var first, out _);
        if (target is null
            || !IsCollection(StateHolders.Unwrap(target).Type)
            || SymbolEqualityComparer.Default.Equals(invocation.Type, StateHolders.Unwrap(target).Type))
        {
            return false;
        }

        receiver = target;
        if (method.Name is "Add" or "TryAdd" or "AddOrUpdate")
        {
            key = first;
        }

        return true;
    }

    /// <summary>
    /// A <c>ref</c> or <c>out</c> argument, which stores what the callee computes from the receiver and the other
    /// arguments; not one of <c>Interlocked.*</c> or <c>LazyInitializer.*</c> (atomic updates, one-time initialization).
    /// </summary>
    public bool TryGetRefWrite(IArgumentOperation argument, out IOperation? instance, out ImmutableArray<IArgumentOperation> arguments)
    {
        instance = null;
        arguments = ImmutableArray<IArgumentOperation>.Empty;
        if (argument.Parameter?.RefKind is not (RefKind.Ref or RefKind.Out))
        {
            return false;
        }

        switch (argument.Parent)
        {
            case IInvocationOperation invocation when !IsAtomicOrOneTimeUpdate(invocation.TargetMethod):
                (instance, arguments) = (invocation.Instance, invocation.Arguments);
                return true;
            case IObjectCreationOperation creation:
                arguments = creation.Arguments;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An indexer written with a key that is not a constant: a dictionary gains an entry per key.</summary>
    public static bool HasVaryingIndex(IPropertyReferenceOperation indexer)
    {
        foreach (var argument in indexer.Arguments)
        {
            if (!argument.Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Interlocked.*</c> and <c>LazyInitializer.*</c>: atomic updates and one-time initialization, not leaks.</summary>
    public bool IsAtomicOrOneTimeUpdate(IMethodSymbol method) =>
        method.ContainingType is { } type && (type.IsType(_interlocked) || type.IsType(_lazyInitializer));

    /// <summary>
    /// A property whose write stores the value: an auto-property (the compiler writes its backing field), or one whose
    /// setter assigns <c>value</c> to a field of its type (<c>set =&gt; _name = value;</c>, also among other statements).
    /// </summary>
    public bool IsAutoProperty(IPropertySymbol property) =>
        _autoProperties.GetOrAdd(property.OriginalDefinition, static p =>
        {
            foreach (var member in p.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, p))
                {
                    return true;
                }
            }

            return SetterStoresInAField(p);
        });

    private static bool SetterStoresInAField(IPropertySymbol property)
    {
        if (property.SetMethod is not { } setter)
        {
            return false;
        }

        foreach (var reference in setter.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor)
            {
                continue;
            }

            foreach (var node in TreeWalk.DescendantNodes(accessor, static _ => true))
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax
                    {
                        Right: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "value" },
                    } assignment
                    && FieldName(assignment.Left) is { } name)
                {
                    foreach (var member in property.ContainingType.GetMembers(name))
                    {
                        if (member is IFieldSymbol { IsConst: false } field && field.IsStatic == property.IsStatic)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static string? FieldName(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax target) => target switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name => name.Identifier.ValueText,
        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
        {
            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax,
            Name: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name,
        } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A static member of this project that is not <c>[ThreadStatic]</c>: one value per execution environment.</summary>
    public bool IsLongLivedStatic(ISymbol member) => member.IsStatic && IsDeclaredInSource(member) && !IsThreadStatic(member);

    private bool IsThreadStatic(ISymbol member)
    {
        if (member is not IFieldSymbol field || ThreadStatic is null)
        {
            return false;
        }

        foreach (var attribute in field.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(ThreadStatic))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsDeclaredInSource(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _assembly);

    public bool IsCollection(ITypeSymbol? type) => type is not null && (type.SpecialType == SpecialType.System_Collections_IEnumerable || Implements(type, _enumerable));

    public bool IsDictionary(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var dictionary in _dictionaries)
        {
            if (type.IsType(dictionary) || Implements(type, dictionary))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The members named by the documentation-comment IDs of the option value (<c>F:Ns.Function._lastUser|T:Ns.State</c>),
    /// resolved once per distinct value; unknown IDs are ignored.
    /// </summary>
    public ImmutableHashSet<ISymbol> ResolveIntentional(string? value)
    {
        if (value is null)
        {
            return ImmutableHashSet<ISymbol>.Empty;
        }

        return _intentional.GetOrAdd(value, key =>
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var id in key.Split('|'))
            {
                var trimmed = id.Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(trimmed, _compilation))
                {
                    if (symbol is IFieldSymbol or IPropertySymbol or INamedTypeSymbol)
                    {
                        builder.Add(symbol.OriginalDefinition);
                    }
                }
            }

            return builder.ToImmutable();
        });
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface)
    {
        if (@interface is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.IsType(@interface))
            {
                return true;
            }
        }

        return false;
    }
}
