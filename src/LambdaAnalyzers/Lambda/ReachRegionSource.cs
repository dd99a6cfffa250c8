using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Code a handler reaches through calls (<see cref="ReachIndex"/>): the body of a method that per-invocation code
/// calls within the depth its file allows (<c>lambda_analyzers.reach_depth</c>), and the instance field and property
/// initializers of a type it creates. Its entry is the shortest chain's entry; it has no <c>ILambdaContext</c> of its
/// own; a value hoisted out of it goes to a static field of its class.
/// </summary>
internal sealed class ReachRegionSource(LambdaModel model, AnalyzerOptions options) : IRegionSource
{
    public void AddRegions(RegionRequest request, List<Region> regions)
    {
        if (request.IsHandler || regions.Count > 0 || !IsCandidate(request.OwningSymbol))
        {
            return;
        }

        var tree = request.Blocks[0].Syntax.SyntaxTree;
        if (GeneratedCode.IsGenerated(tree))
        {
            return;
        }

        var reach = model.GetReach(request.CancellationToken);
        var path = request.OwningSymbol switch
        {
            IMethodSymbol method => reach.Get(method),
            IFieldSymbol { ContainingType: { } type } => reach.GetCreatedType(type),
            IPropertySymbol { ContainingType: { } type } => reach.GetCreatedType(type),
            _ => null,
        };
        if (path is null || path.Depth > LambdaOptions.ReachDepth(options.AnalyzerConfigOptionsProvider.GetOptions(tree)))
        {
            return;
        }

        foreach (var block in request.Blocks)
        {
            if (block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                or OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
            {
                regions.Add(new Region(block, RegionKind.Reached, path.Entry, lambdaContext: null, HoistTarget.Field, path));
            }
        }
    }

    /// <summary>A method other than the entry point, or an instance field or property (its initializer).</summary>
    private static bool IsCandidate(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.MethodKind is not (MethodKind.StaticConstructor or MethodKind.AnonymousFunction or MethodKind.LocalFunction)
            && !(method.IsStatic && method.Name is "Main" or "<Main>$"),
        IFieldSymbol or IPropertySymbol => !symbol.IsStatic,
        _ => false,
    };
}
