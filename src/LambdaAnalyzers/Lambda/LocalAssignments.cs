using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Every value assigned to each local of one member's operation blocks: initializers, assignments, deconstructions,
/// <c>foreach</c> variables, <c>ref</c>/<c>out</c> arguments and pattern variables (recorded as the value the pattern
/// matches). A null entry is an assignment whose value is not known (a catch variable, a pattern matched elsewhere).
/// </summary>
internal sealed class LocalAssignments
{
    /// <summary>
    /// How far a value is followed through locals and what they were assigned, by the kind of question: the depths
    /// differ on purpose (a value's origin needs a few steps, a path or a duration built up in steps needs more, an
    /// access path through collections and lambda parameters more still), and each question names the one it uses.
    /// </summary>
    public const int ValueDepth = 3;

    /// <summary>Paths and durations, often built in several locals (<c>var dir = ...; var file = Path.Combine(dir, ...)</c>).</summary>
    public const int BuiltValueDepth = 4;

    /// <summary>Access paths, through elements, <c>foreach</c> variables and lambda parameters.</summary>
    public const int AccessPathDepth = 8;

    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _assignments = new(SymbolEqualityComparer.Default);

    public LocalAssignments(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in TreeWalk.DescendantsAndSelf(block))
            {
                Collect(operation);
            }
        }
    }

    /// <summary>Assignments to the locals of the operation block (the member body) that contains an operation.</summary>
    public static LocalAssignments ForBlockOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return new LocalAssignments(ImmutableArray.Create(root));
    }

    /// <summary>The values assigned to a local; empty for a local never assigned in these blocks.</summary>
    public IReadOnlyList<IOperation?> Get(ILocalSymbol local) =>
        _assignments.TryGetValue(local, out var values) ? values : System.Array.Empty<IOperation?>();

    /// <summary>The value of a local assigned exactly once, or null.</summary>
    public IOperation? GetSingleAssignment(ILocalSymbol local) =>
        _assignments.TryGetValue(local, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>Whether a local is written anywhere but its declaration.</summary>
    public int CountAssignments(ILocalSymbol local) =>
        _assignments.TryGetValue(local, out var values) ? values.Count : 0;

    private void Collect(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator:
                if (declarator.Initializer is { } initializer)
                {
                    Add(declarator.Symbol, initializer.Value);
                }

                break;

            case IAssignmentOperation assignment when assignment is not IDeconstructionAssignmentOperation:
                if (assignment.Target is ILocalReferenceOperation target)
                {
                    Add(target.Local, assignment.Value);
                }

                break;

            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var part in TreeWalk.DescendantsAndSelf(deconstruction.Target))
                {
                    if (part is ILocalReferenceOperation local)
                    {
                        Add(local.Local, deconstruction.Value);
                    }
                }

                break;

            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                {
                    Add(local, loop.Collection);
                }

                break;

            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                foreach (var part in TreeWalk.DescendantsAndSelf(argument.Value))
                {
                    if (part is ILocalReferenceOperation local)
                    {
                        Add(local.Local, argument.Parent);
                    }
                }

                break;

            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } pattern:
                Add(local, PatternInput(pattern));
                break;

            case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } pattern:
                Add(local, PatternInput(pattern));
                break;

            case ICatchClauseOperation catchClause:
                foreach (var local in catchClause.Locals)
                {
                    Add(local, null);
                }

                break;
        }
    }

    /// <summary>
    /// The value a pattern matches (<c>x</c> in <c>x is { } y</c>, the switched value of a case or arm): what a variable
    /// the pattern declares is drawn from. Null when the pattern stands elsewhere.
    /// </summary>
    private static IOperation? PatternInput(IOperation pattern)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }:
                    return switchExpression.Value;
                case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } }:
                    return switchStatement.Value;
                case IPatternOperation or IPropertySubpatternOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private void Add(ILocalSymbol local, IOperation? value)
    {
        if (!_assignments.TryGetValue(local, out var values))
        {
            values = new List<IOperation?>(1);
            _assignments.Add(local, values);
        }

        values.Add(value);
    }
}
