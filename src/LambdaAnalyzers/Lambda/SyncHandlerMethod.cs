using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A handler method that returns <c>void</c> or a plain value. The runtime awaits a handler that returns a Task, so such a
/// method may become <c>async Task</c>/<c>async Task&lt;T&gt;</c> and await the work it blocks on or leaves running.
/// </summary>
internal static class SyncHandlerMethod
{
    /// <summary>The declaration of the handler method whose body is the region, when it returns no task-like type; else null.</summary>
    public static Location? GetDeclaration(Region? region, AsyncSymbols symbols)
    {
        if (region is not { Kind: RegionKind.HandlerBody, Entry: { MethodKind: MethodKind.Ordinary } entry }
            || (!entry.ReturnsVoid && symbols.IsTaskLike(entry.ReturnType)))
        {
            return null;
        }

        var syntax = region.Root.Syntax;
        foreach (var reference in entry.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == syntax.SyntaxTree && reference.Span.Contains(syntax.Span))
            {
                return Location.Create(reference.SyntaxTree, reference.Span);
            }
        }

        return null;
    }
}
