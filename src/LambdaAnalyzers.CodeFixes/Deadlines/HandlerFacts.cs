using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Deadlines;

/// <summary>What a deadline diagnostic says of the handler: its locations and the margin configured for its file.</summary>
internal sealed class HandlerFacts(IReadOnlyList<Location> locations, int margin)
{
    /// <summary>The handler's declaration, its ILambdaContext parameter, then its existing deadlines.</summary>
    public IReadOnlyList<Location> Locations { get; } = locations;

    public int Margin { get; } = margin;
}
