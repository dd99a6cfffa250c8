using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Test code, which runs on a developer machine or in CI, never on Lambda: test methods (whose <c>ILambdaContext</c>
/// parameters are fakes from AutoFixture or NSubstitute) and test projects. Resolved once per compilation.
/// </summary>
internal sealed class TestCode
{
    /// <summary>Assemblies whose reference makes a compilation a test project.</summary>
    private static readonly string[] s_testAssemblies =
    [
        "Amazon.Lambda.TestUtilities",
        KnownTypeNames.XunitCoreAssemblyName,
        "xunit.assert",
        KnownTypeNames.XunitV3CoreAssemblyName,
        "xunit.v3.assert",
        KnownTypeNames.NUnitFrameworkAssemblyName,
        KnownTypeNames.MSTestTestPlatformAssemblyName,
        KnownTypeNames.MSTestTestFrameworkAssemblyName,
        KnownTypeNames.TUnitCoreAssemblyName,
    ];

    private static readonly string[] s_xunit = [KnownTypeNames.XunitCoreAssemblyName, KnownTypeNames.XunitV3CoreAssemblyName];
    private static readonly string[] s_nunit = [KnownTypeNames.NUnitFrameworkAssemblyName];
    private static readonly string[] s_msTest = [KnownTypeNames.MSTestTestPlatformAssemblyName, KnownTypeNames.MSTestTestFrameworkAssemblyName];
    private static readonly string[] s_tUnit = [KnownTypeNames.TUnitCoreAssemblyName];

    /// <summary>The attributes that make a method a test, by framework, with the assemblies that define them.</summary>
    private static readonly (string MetadataName, string[] Assemblies)[] s_testAttributes =
    [
        (KnownTypeNames.XunitFactAttribute, s_xunit),
        (KnownTypeNames.XunitTheoryAttribute, s_xunit),
        (KnownTypeNames.NUnitFrameworkTestAttribute, s_nunit),
        (KnownTypeNames.NUnitFrameworkTestCaseAttribute, s_nunit),
        (KnownTypeNames.NUnitFrameworkTestCaseSourceAttribute, s_nunit),
        (KnownTypeNames.NUnitFrameworkTheoryAttribute, s_nunit),
        (KnownTypeNames.MSTestTestMethodAttribute, s_msTest),
        (KnownTypeNames.MSTestDataTestMethodAttribute, s_msTest),
        (KnownTypeNames.TUnitCoreTestAttribute, s_tUnit),
    ];

    /// <summary>The simple names of those attributes, which decide when an attribute's type does not bind.</summary>
    private static readonly string[] s_testAttributeNames = ["Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod"];

    private readonly ImmutableHashSet<INamedTypeSymbol> _testAttributes;

    public TestCode(Compilation compilation)
    {
        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            if (Array.IndexOf(s_testAssemblies, name.Name) >= 0)
            {
                IsTestProject = true;
                break;
            }
        }

        var types = KnownTypes.Get(compilation);
        var attributes = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (metadataName, assemblies) in s_testAttributes)
        {
            foreach (var assembly in assemblies)
            {
                if (types.Find(metadataName, assembly) is { } type)
                {
                    attributes.Add(type);
                }
            }
        }

        _testAttributes = attributes.ToImmutable();
    }

    /// <summary>
    /// Whether the compilation references Amazon.Lambda.TestUtilities or a unit-test framework (xUnit v2 or v3, NUnit,
    /// MSTest, TUnit): a test project.
    /// </summary>
    public bool IsTestProject { get; }

    /// <summary>
    /// Whether a method is a test: it carries an attribute whose type is, or derives from, xUnit's <c>Fact</c> or
    /// <c>Theory</c>, NUnit's <c>Test</c>, <c>TestCase</c>, <c>TestCaseSource</c> or <c>Theory</c>, MSTest's
    /// <c>TestMethod</c> or <c>DataTestMethod</c>, or TUnit's <c>Test</c>; or an attribute of one of those simple names
    /// whose type does not bind (a missing reference while the project restores).
    /// </summary>
    public bool IsTestMethod(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                if (IsTestAttributeName(type.Name))
                {
                    return true;
                }

                continue;
            }

            if (_testAttributes.IsEmpty)
            {
                continue;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (_testAttributes.Contains(current.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTestAttributeName(string name)
    {
        const string suffix = "Attribute";
        var simple = name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;
        return Array.IndexOf(s_testAttributeNames, simple) >= 0;
    }
}
