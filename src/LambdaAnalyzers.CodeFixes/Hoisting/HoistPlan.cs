using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Hoisting;

/// <summary>Where a hoisted creation goes.</summary>
internal enum HoistTarget
{
    /// <summary>A field of the handler's class, initialized where it is declared.</summary>
    FieldInitializer,

    /// <summary>A readonly field of the handler's class, assigned in every constructor.</summary>
    FieldInConstructors,

    /// <summary>A local declared before the statement that declares a nested handler.</summary>
    Local,
}

/// <summary>
/// Everything needed to move one creation out of per-invocation code, checked against the original document. The
/// rewriter applies several plans in one pass (Fix All).
/// </summary>
internal sealed class HoistPlan
{
    public HoistTarget Target { get; set; }

    /// <summary>The expression that creates the client.</summary>
    public ExpressionSyntax Creation { get; set; } = null!;

    /// <summary>The type the field or local is declared with.</summary>
    public ITypeSymbol Type { get; set; } = null!;

    /// <summary>The type as the user wrote it on the local, reused as is; null for <c>var</c> or an inline creation.</summary>
    public TypeSyntax? WrittenType { get; set; }

    /// <summary>The preferred name, before conventions and uniqueness are applied.</summary>
    public string BaseName { get; set; } = null!;

    /// <summary>The local declaration statement that goes away, or null for an inline creation.</summary>
    public StatementSyntax? Declaration { get; set; }

    /// <summary>A <c>using (var x = ...) { }</c> statement whose body stays, or null.</summary>
    public UsingStatementSyntax? Using { get; set; }

    /// <summary>References to the local (or the inline creation) that now name the field or hoisted local.</summary>
    public ImmutableArray<ExpressionSyntax> References { get; set; } = ImmutableArray<ExpressionSyntax>.Empty;

    /// <summary><c>x.Dispose();</c> and <c>await x.DisposeAsync();</c> statements: a shared client is not disposed per invocation.</summary>
    public ImmutableArray<StatementSyntax> DisposeStatements { get; set; } = ImmutableArray<StatementSyntax>.Empty;

    // Field targets.

    public TypeDeclarationSyntax? TypeDeclaration { get; set; }

    public INamedTypeSymbol? TypeSymbol { get; set; }

    public bool IsStatic { get; set; }

    public ImmutableArray<ConstructorDeclarationSyntax> Constructors { get; set; } = ImmutableArray<ConstructorDeclarationSyntax>.Empty;

    /// <summary>The class has no constructor in source: one is added for the assignment.</summary>
    public bool AddConstructor { get; set; }

    /// <summary>Names the field must not take: members of the class and its bases, names declared in the handler.</summary>
    public ImmutableHashSet<string> TakenNames { get; set; } = ImmutableHashSet<string>.Empty;

    // Local targets.

    /// <summary>The statement the local is declared before: a statement of a block, or a top-level statement.</summary>
    public SyntaxNode? Anchor { get; set; }

    public string EquivalenceKey => Target == HoistTarget.Local ? HoistEquivalenceKeys.Local : HoistEquivalenceKeys.Field;
}

internal static class HoistEquivalenceKeys
{
    public const string Field = "LMB0001.HoistToField";
    public const string Local = "LMB0001.HoistToLocal";
}
