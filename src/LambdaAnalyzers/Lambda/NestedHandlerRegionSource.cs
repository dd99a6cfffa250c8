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

        if (!_aliasesHideWords.Value && !NamesHandlerWords(request) && !HasHandlerFunction(request))
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

    private static bool NamesHandlerWords(RegionRequest request)
    {
        foreach (var block in request.Blocks)
        {
            if (NestedCodeFilter.NamesHandlerWords(block.Syntax, aliasesHideWords: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// In blocks whose text names neither <c>ILambdaContext</c> nor a bootstrap, a handler can only be a lambda or
    /// anonymous method whose context parameter is implicitly typed (no registration, no local function that takes
    /// the context): its lambdas alone are looked at, through the operations the driver has bound, instead of walking
    /// every operation. True when one is a handler (or when unsure), so that the walk finds it and what it calls.
    /// </summary>
    private static bool HasHandlerFunction(RegionRequest request)
    {
        foreach (var block in request.Blocks)
        {
            if (block.SemanticModel is not { } semanticModel || NestedCodeFilter.AnonymousFunctions(block.Syntax) is not { } functions)
            {
                return true;
            }

            foreach (var function in functions)
            {
                if (semanticModel.GetOperation(function, request.CancellationToken) is not IAnonymousFunctionOperation operation
                    || request.Catalog.IsNestedHandler(operation.Symbol))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
