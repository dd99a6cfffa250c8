using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>The body of a handler method runs per invocation, whole.</summary>
internal sealed class HandlerBodyRegionSource(LambdaSymbols symbols) : IRegionSource
{
    public void AddRegions(RegionRequest request, List<Region> regions)
    {
        if (!request.IsHandler || request.OwningSymbol is not IMethodSymbol method)
        {
            return;
        }

        var context = HandlerDiscovery.GetLambdaContextParameter(method, symbols);
        foreach (var block in request.Blocks)
        {
            // Parameter default values and attributes are compile-time constants, not handler code.
            if (block.Kind is OperationKind.MethodBody or OperationKind.Block)
            {
                regions.Add(new Region(block, RegionKind.HandlerBody, method, context, HoistTarget.Field));
            }
        }
    }
}
