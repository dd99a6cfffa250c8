using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Entry and region sources beyond the built-in ones, for the compilations of one assembly name. It is how a source is
/// plugged into the model without any rule knowing of it; the model tests use it to prove that seam.
/// </summary>
internal static class ModelSources
{
    private static readonly ConcurrentDictionary<string, (ImmutableArray<IEntrySource> Entries, ImmutableArray<IRegionSource> Regions)> s_extra = new();

    /// <summary>Adds sources to every model built afterwards for a compilation of this assembly name.</summary>
    public static void Register(string assemblyName, ImmutableArray<IEntrySource> entries, ImmutableArray<IRegionSource> regions) =>
        s_extra[assemblyName] = (entries, regions);

    public static ImmutableArray<IEntrySource> ExtraEntries(string? assemblyName) =>
        assemblyName is not null && !s_extra.IsEmpty && s_extra.TryGetValue(assemblyName, out var extra) ? extra.Entries : ImmutableArray<IEntrySource>.Empty;

    public static ImmutableArray<IRegionSource> ExtraRegions(string? assemblyName) =>
        assemblyName is not null && !s_extra.IsEmpty && s_extra.TryGetValue(assemblyName, out var extra) ? extra.Regions : ImmutableArray<IRegionSource>.Empty;
}
