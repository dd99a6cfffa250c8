using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether the class-library runtime finds a serializer for a handler, where its handler loading looks
/// (Amazon.Lambda.RuntimeSupport): an <c>Amazon.Lambda.Core.LambdaSerializerAttribute</c> on the method, and only when
/// the method has none, on the assembly. The attribute is inherited, so a method that overrides one carrying it has
/// it too. An attribute whose type does not bind but is named <c>LambdaSerializer</c> counts as one: while a reference
/// or a using is missing, the code cannot be judged.
/// </summary>
internal sealed class SerializerLookup
{
    private const string ShortName = "LambdaSerializer";
    private const string FullName = ShortName + "Attribute";

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _attribute;
    private readonly Lazy<bool> _onAssembly;

    public SerializerLookup(Compilation compilation, KnownTypes types)
    {
        _compilation = compilation;
        _attribute = types.Find(KnownTypeNames.AmazonLambdaCoreLambdaSerializerAttribute, KnownTypeNames.AmazonLambdaCoreAssemblyName);

        // Asked only for a handler that needs a serializer: binding the assembly's attributes waits until then.
        _onAssembly = new Lazy<bool>(() => HasSerializer(_compilation.Assembly.GetAttributes()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the runtime finds a serializer for the method: on it, on a method it overrides, or on the assembly.</summary>
    public bool HasSerializer(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (HasSerializer(current.GetAttributes()))
            {
                return true;
            }
        }

        return _onAssembly.Value;
    }

    private bool HasSerializer(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute.AttributeClass)
            {
                case { TypeKind: TypeKind.Error, Name: ShortName or FullName }:
                    return true;
                case { } type when type.IsType(_attribute):
                    return true;
            }
        }

        return false;
    }
}
