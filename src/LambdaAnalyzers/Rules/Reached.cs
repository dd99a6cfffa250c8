using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// Diagnostics in code a handler reaches through calls. Each descriptor of a rule that reports there has a twin under
/// the same ID whose message adds the chain before its first <c>;</c>: <c>(reached from 'OrderHandler.Handle' through
/// 'Secrets.GetParameterAsync')</c>, so that no message of the handler's own code changes. The call in the entry's own
/// code that starts the chain is an additional location, after the rule's own.
/// </summary>
internal static class Reached
{
    private static readonly ConcurrentDictionary<DiagnosticDescriptor, DiagnosticDescriptor> s_twins = new();
    private static readonly Regex s_placeholder = new(@"\{(\d+)\}", RegexOptions.CultureInvariant);

    /// <summary>The twin of a descriptor, for code a handler reaches.</summary>
    public static DiagnosticDescriptor TwinOf(DiagnosticDescriptor descriptor) => s_twins.GetOrAdd(descriptor, static d => CreateTwin(d));

    /// <summary>The descriptors, then their twins: what a rule that reports in reached code supports.</summary>
    public static ImmutableArray<DiagnosticDescriptor> WithTwins(params DiagnosticDescriptor[] descriptors)
    {
        var all = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(descriptors.Length * 2);
        all.AddRange(descriptors);
        foreach (var descriptor in descriptors)
        {
            all.Add(TwinOf(descriptor));
        }

        return all.MoveToImmutable();
    }

    /// <summary>The rule's diagnostic, or its twin with the chain when the region is reached through calls.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        Location location,
        IReadOnlyList<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        Region? region,
        params object?[] arguments)
    {
        if (region?.Reach is not { } reach)
        {
            return Diagnostic.Create(descriptor, location, additionalLocations, properties, arguments);
        }

        var all = new object?[arguments.Length + 2];
        arguments.CopyTo(all, 0);
        all[arguments.Length] = reach.EntryName;
        all[arguments.Length + 1] = reach.Through;
        var additional = new List<Location>((additionalLocations?.Count ?? 0) + 1);
        if (additionalLocations is not null)
        {
            additional.AddRange(additionalLocations);
        }

        if (reach.FirstCallSite is { } call)
        {
            additional.Add(call);
        }

        return Diagnostic.Create(TwinOf(descriptor), location, additional, properties, all);
    }

    private static DiagnosticDescriptor CreateTwin(DiagnosticDescriptor descriptor)
    {
        var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        var next = 0;
        foreach (Match match in s_placeholder.Matches(format))
        {
            next = System.Math.Max(next, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
        }

        var chain = " (reached from '{" + next.ToString(CultureInfo.InvariantCulture) + "}' through {" + (next + 1).ToString(CultureInfo.InvariantCulture) + "})";
        var at = format.IndexOf(';');
        var twin = at >= 0 ? format.Insert(at, chain) : format.TrimEnd('.') + chain + (format.EndsWith(".", System.StringComparison.Ordinal) ? "." : string.Empty);
        return new DiagnosticDescriptor(
            descriptor.Id,
            descriptor.Title,
            twin,
            descriptor.Category,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            descriptor.Description,
            descriptor.HelpLinkUri,
            [.. descriptor.CustomTags]);
    }
}
