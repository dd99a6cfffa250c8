using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Code a handler reaches through calls (<see cref="ReachIndex"/>): the body of a method that per-invocation code
/// calls within the depth its file allows (<c>lambda_analyzers.reach_depth</c>), and the instance field and property
/// initializers of a type it creates. Its entry is the shortest chain's entry; it has no <c>ILambdaContext</c> of its
/// own; a value hoisted out of it goes to a static field of its class.
/// </summary>
internal sealed class ReachRegionSource(LambdaModel model, AnalyzerOptions options) : IRegionSource
{
    private readonly ConcurrentDictionary<SyntaxTree, int> _depths = new();

    public void AddRegions(RegionRequest request, List<Region> regions)
    {
        if (request.IsHandler || !IsCandidate(request.OwningSymbol))
        {
            return;
        }

        // Every block of the compilation asks: with reach turned off, one look at the index answers them all.
        var reach = model.GetReach(request.CancellationToken);
        var tree = request.Blocks[0].Syntax.SyntaxTree;
        if (reach.IsEmpty || GeneratedCode.IsGenerated(tree))
        {
            return;
        }

        var depth = DepthOf(tree);
        if (regions.Count > 0)
        {
            // Init code around nested handlers (an executable's Main): the factories it registers may still run per invocation.
            AddFactories(request, reach, tree, depth, regions);
            return;
        }

        var path = request.OwningSymbol switch
        {
            // The entry point and startup methods are never reached (ReachIndex.IsInitMethod); the factories they register may be.
            IMethodSymbol method => reach.Get(method),
            IFieldSymbol { ContainingType: { } type } => reach.GetCreatedType(type),
            IPropertySymbol { ContainingType: { } type } => reach.GetCreatedType(type),
            _ => null,
        };
        if (path is null || path.Depth > depth)
        {
            AddFactories(request, reach, tree, depth, regions);
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

    /// <summary>The file's <c>lambda_analyzers.reach_depth</c>, read once per file rather than once per block.</summary>
    private int DepthOf(SyntaxTree tree)
    {
        if (!_depths.TryGetValue(tree, out var depth))
        {
            depth = _depths.GetOrAdd(tree, LambdaOptions.ReachDepth(options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
        }

        return depth;
    }

    /// <summary>
    /// The dependency-injection factory lambdas in these blocks that run per invocation (<see cref="ReachIndex.FactoriesIn"/>):
    /// the registration code around them runs once.
    /// </summary>
    private static void AddFactories(RegionRequest request, ReachIndex reach, SyntaxTree tree, int depth, List<Region> regions)
    {
        Dictionary<SyntaxNode, ReachPath>? factories = null;
        foreach (var (lambda, path) in reach.FactoriesIn(tree))
        {
            if (path.Depth <= depth)
            {
                (factories ??= new Dictionary<SyntaxNode, ReachPath>())[lambda] = path;
            }
        }

        if (factories is null)
        {
            return;
        }

        var existing = regions.Count;
        foreach (var block in request.Blocks)
        {
            if (!ContainsAny(block.Syntax, factories.Keys))
            {
                continue;
            }

            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
            {
                if (operation is IAnonymousFunctionOperation lambda && factories.TryGetValue(lambda.Syntax, out var path)
                    && !IsInside(lambda.Syntax, regions, existing))
                {
                    regions.Add(new Region(lambda, RegionKind.Reached, path.Entry, lambdaContext: null, HoistTarget.Field, path));
                }
            }
        }
    }

    /// <summary>Whether a region another source found already holds the lambda (it runs per invocation as part of it).</summary>
    private static bool IsInside(SyntaxNode lambda, List<Region> regions, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (regions[i].Root.Syntax.Span.Contains(lambda.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(SyntaxNode block, IEnumerable<SyntaxNode> lambdas)
    {
        foreach (var lambda in lambdas)
        {
            if (block.Span.Contains(lambda.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method other than a static constructor, or an instance field or property (its initializer).</summary>
    private static bool IsCandidate(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.MethodKind is not (MethodKind.StaticConstructor or MethodKind.AnonymousFunction or MethodKind.LocalFunction),
        IFieldSymbol or IPropertySymbol => !symbol.IsStatic,
        _ => false,
    };

}
