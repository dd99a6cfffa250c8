using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Entry and region sources beyond the built-in ones, for the compilations of one assembly name. It is how a source is
/// plugged into the model without any rule knowing of it; the model tests use it to prove that seam.
/// </summary>
internal static class ModelSources
{
    private static readonly ConcurrentDictionary<string, (Func<ModelInputs, ImmutableArray<IEntrySource>> Entries, ImmutableArray<IRegionSource> Regions)> s_extra = new();

    /// <summary>Adds sources to every model built afterwards for a compilation of this assembly name.</summary>
    public static void Register(string assemblyName, ImmutableArray<IEntrySource> entries, ImmutableArray<IRegionSource> regions) =>
        s_extra[assemblyName] = (_ => entries, regions);

    /// <summary>Adds entry sources made from each model's inputs (its additional files), for this assembly name.</summary>
    public static void Register(string assemblyName, Func<ModelInputs, ImmutableArray<IEntrySource>> entries) =>
        s_extra[assemblyName] = (entries, ImmutableArray<IRegionSource>.Empty);

    public static ImmutableArray<IEntrySource> ExtraEntries(ModelInputs inputs) =>
        inputs.Compilation.AssemblyName is { } name && !s_extra.IsEmpty && s_extra.TryGetValue(name, out var extra) ? extra.Entries(inputs) : ImmutableArray<IEntrySource>.Empty;

    public static ImmutableArray<IRegionSource> ExtraRegions(ModelInputs inputs) =>
        inputs.Compilation.AssemblyName is { } name && !s_extra.IsEmpty && s_extra.TryGetValue(name, out var extra) ? extra.Regions : ImmutableArray<IRegionSource>.Empty;
}
