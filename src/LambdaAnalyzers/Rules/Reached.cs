using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// Diagnostics in code a handler reaches through calls: the rule's message arguments, then the entry's name and the
/// methods on the shortest chain; the call in the entry's own code that starts the chain is an additional location, last.
/// </summary>
internal static class Reached
{
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor, Location location, ReachPath reach, ImmutableDictionary<string, string?>? properties, params object[] arguments)
    {
        var all = new object[arguments.Length + 2];
        arguments.CopyTo(all, 0);
        all[arguments.Length] = reach.EntryName;
        all[arguments.Length + 1] = reach.Through;
        var additional = reach.FirstCallSite is { } call ? ImmutableArray.Create(call) : ImmutableArray<Location>.Empty;
        return Diagnostic.Create(descriptor, location, additional, properties, all);
    }
}
