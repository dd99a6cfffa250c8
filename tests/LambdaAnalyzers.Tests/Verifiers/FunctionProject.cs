using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>
/// A function project as deployed: the test references, which leave out Amazon.Lambda.TestUtilities (its presence makes
/// a compilation a test project). The sample projects and tests/ValidLambdaCode compile against these, as their
/// project files do.
/// </summary>
internal static class FunctionProject
{
    public static ImmutableArray<MetadataReference> References { get; } = [.. TestReferences.All.Where(r => !IsTestUtilities(r))];

    /// <summary>Removes Amazon.Lambda.TestUtilities from a test's references.</summary>
    public static void WithoutTestUtilities(SolutionState state) => state.AdditionalReferences.RemoveAll(IsTestUtilities);

    private static bool IsTestUtilities(MetadataReference reference) =>
        reference.Display?.EndsWith("Amazon.Lambda.TestUtilities.dll", StringComparison.OrdinalIgnoreCase) == true;
}
