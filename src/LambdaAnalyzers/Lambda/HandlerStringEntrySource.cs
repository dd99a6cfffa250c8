using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method of this assembly named by a handler string of a deployment file among the analysis's additional files:
/// the class-library runtime calls it, whatever its parameters. Handler strings of other assemblies (a template shared
/// by several projects) name nothing here.
/// </summary>
internal sealed class HandlerStringEntrySource : IEntrySource
{
    /// <summary>Type full name to the method names the handler strings give it.</summary>
    private readonly Dictionary<string, HashSet<string>> _methods = new(System.StringComparer.Ordinal);

    /// <summary>Every method name of those, asked first: most methods are named by no handler string.</summary>
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);

    private HandlerStringEntrySource(ModelInputs inputs)
    {
        var assembly = inputs.Compilation.AssemblyName;
        foreach (var file in inputs.AdditionalFiles)
        {
            if (!DeploymentFile.IsDeploymentFileName(file.Path) || DeploymentFile.Cache.Get(file, CancellationToken.None) is not { } facts)
            {
                continue;
            }

            foreach (var handler in facts.Handlers)
            {
                if (handler.Assembly == assembly)
                {
                    if (!_methods.TryGetValue(handler.Type, out var names))
                    {
                        _methods[handler.Type] = names = new HashSet<string>(System.StringComparer.Ordinal);
                    }

                    names.Add(handler.Method);
                    _names.Add(handler.Method);
                }
            }
        }
    }

    /// <summary>The source for a model's inputs, or nothing when no deployment file names a method of this assembly.</summary>
    public static ImmutableArray<IEntrySource> Create(ModelInputs inputs)
    {
        if (inputs.AdditionalFiles.IsEmpty)
        {
            return ImmutableArray<IEntrySource>.Empty;
        }

        var source = new HandlerStringEntrySource(inputs);
        return source._methods.Count == 0 ? ImmutableArray<IEntrySource>.Empty : ImmutableArray.Create<IEntrySource>(source);
    }

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        method.MethodKind == MethodKind.Ordinary
        && _names.Contains(method.Name)
        && method.ContainingType is { } type
        && _methods.TryGetValue(FullName(type), out var names)
        && names.Contains(method.Name);

    /// <summary>The type's name as a handler string writes it: namespaces with <c>.</c>, nested types after <c>+</c>.</summary>
    private static string FullName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, outer.MetadataName + "+");
        }

        if (type.ContainingNamespace is { IsGlobalNamespace: false } space)
        {
            builder.Insert(0, space.ToDisplayString() + ".");
        }

        return builder.ToString();
    }
}
