using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A method of this assembly named by a handler string of a deployment file among the analysis's additional files:
/// the class-library runtime calls it, whatever its parameters. The method is the one the runtime resolves
/// (<see cref="HandlerStringCheck"/>): declared by the named type or, failing that, by the first base class that
/// declares the name, so an inherited handler counts. Handler strings of other assemblies (a template shared by several
/// projects) name nothing here.
/// </summary>
internal sealed class HandlerStringEntrySource : IEntrySource
{
    private readonly HashSet<IMethodSymbol> _methods;

    private HandlerStringEntrySource(HashSet<IMethodSymbol> methods) => _methods = methods;

    /// <summary>The source for a model's inputs, or nothing when no deployment file names a method of this assembly.</summary>
    public static ImmutableArray<IEntrySource> Create(ModelInputs inputs)
    {
        if (inputs.AdditionalFiles.IsEmpty || inputs.Compilation.AssemblyName is not { } assembly)
        {
            return ImmutableArray<IEntrySource>.Empty;
        }

        var types = KnownTypes.Get(inputs.Compilation);
        var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var file in inputs.AdditionalFiles)
        {
            if (DeploymentFile.TryGet(file, CancellationToken.None) is not { } facts)
            {
                continue;
            }

            foreach (var handler in facts.Handlers)
            {
                if (handler.Assembly == assembly && HandlerStringCheck.FindMethod(handler, types, assembly) is { } method
                    && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, inputs.Compilation.Assembly))
                {
                    methods.Add(method.OriginalDefinition);
                }
            }
        }

        return methods.Count == 0 ? ImmutableArray<IEntrySource>.Empty : ImmutableArray.Create<IEntrySource>(new HandlerStringEntrySource(methods));
    }

    public bool IsEntry(IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        _methods.Contains(method.OriginalDefinition);
}
