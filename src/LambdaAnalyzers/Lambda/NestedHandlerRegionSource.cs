using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// In a member that is not itself a handler (top-level statements, <c>Main</c>, constructors): the handler lambdas
/// and local functions nested in it, the delegates it registers with a bootstrap, and the local functions those call.
/// </summary>
internal sealed class NestedHandlerRegionSource(Compilation compilation, LambdaSymbols symbols) : IRegionSource
{
    /// <summary>
    /// Whether an alias or a <c>using static</c> may hide a local function's ILambdaContext parameter or the type that
    /// registers it (LambdaBootstrapBuilder, LambdaBootstrap, HandlerWrapper).
    /// </summary>
    private readonly Lazy<bool> _aliasesHideWords = new(
        () => UsingAliases.Name(compilation, "ILambdaContext", "LambdaBootstrap", "HandlerWrapper"), LazyThreadSafetyMode.PublicationOnly);

    public void AddRegions(RegionRequest request, List<Region> regions)
    {
        // Most members hold no lambda or local function, so no handler: their operations are not walked.
        if (request.IsHandler || !NestedCodeFilter.MayHoldNestedCode(request.Blocks, _aliasesHideWords.Value))
        {
            return;
        }

        foreach (var root in HandlerDiscovery.FindNestedHandlers(request.Blocks, symbols, request.Catalog, () => request.Locals))
        {
            var function = root switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation localFunction => localFunction.Symbol,
                _ => null,
            };
            var context = function is null ? null : HandlerDiscovery.GetLambdaContextParameter(function, symbols);
            regions.Add(new Region(root, RegionKind.NestedHandler, function, context, HoistTarget.LocalBeforeHandler));
        }
    }
}
