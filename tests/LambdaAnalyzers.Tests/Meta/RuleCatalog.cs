using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Tests.Meta;

/// <summary>Every analyzer and fixer the package ships, found by reflection so that new rules join the checks unasked.</summary>
internal static class RuleCatalog
{
    public static Assembly AnalyzerAssembly { get; } = typeof(ClientCreatedPerInvocationAnalyzer).Assembly;

    public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("LambdaAnalyzers.CodeFixes"));

    public static ImmutableArray<Type> AnalyzerTypes { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableArray<Type> FixerTypes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        FixerTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>One descriptor per rule ID (a rule may use several messages under one ID).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableHashSet<string> FixableIds { get; } = Fixers.SelectMany(f => f.FixableDiagnosticIds).ToImmutableHashSet();

    public static IEnumerable<object[]> RuleIds => Rules.Select(r => new object[] { r.Id });
}
