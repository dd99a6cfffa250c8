using System.Collections.Generic;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// One reason code runs per invocation: a handler's body, a handler nested in init code, and later code a handler
/// reaches. The model asks every source about each operation block; rules see only the resulting regions.
/// </summary>
internal interface IRegionSource
{
    /// <summary>Adds the regions this source finds in the blocks of a member.</summary>
    void AddRegions(RegionRequest request, List<Region> regions);
}
