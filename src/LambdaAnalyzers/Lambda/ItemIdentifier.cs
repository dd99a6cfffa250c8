using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The <c>ItemIdentifier</c> given to a <c>BatchItemFailure</c>, when it is known not to be the record's identifier
/// (<c>MessageId</c> for SQS, the sequence number for streams): a constant, a new GUID, or another member of a record
/// (<c>ReceiptHandle</c>, <c>Body</c>, <c>EventId</c>, ...), also through a local assigned once. A value from a
/// parameter or a method is unknown. Lambda fails the whole batch when a response names a record that is not in it.
/// </summary>
internal static class ItemIdentifier
{
    /// <summary>How far a local is followed back to its value.</summary>
    private const int LocalDepth = 2;

    /// <summary>
    /// What a wrong identifier is, for a message (<c>'ReceiptHandle'</c>, <c>a constant</c>, <c>a new GUID</c>), with
    /// the family whose failure it names; null when the assignment sets no identifier, or a right or unknown one.
    /// </summary>
    public static (string Description, BatchFamily Family)? FindWrong(IAssignmentOperation assignment, BatchSymbols symbols, LocalAssignments locals)
    {
        if (assignment is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ItemIdentifier" } target }
            || symbols.FamilyOfFailure(target.Property.ContainingType) is not { } family
            || Describe(assignment.Value, family, symbols, locals, 0) is not { } description)
        {
            return null;
        }

        return (description, family);
    }

    private static string? Describe(IOperation value, BatchFamily family, BatchSymbols symbols, LocalAssignments locals, int depth)
    {
        value = Wrappers.ConversionsAndParentheses(value);
        if (value.ConstantValue.HasValue)
        {
            return "a constant";
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "NewGuid", Instance: null } newGuid when newGuid.TargetMethod.ContainingType.IsType(symbols.Guid):
                return "a new GUID";
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }
                when instance.Type.IsType(symbols.Guid) || instance.Type?.SpecialType == SpecialType.System_String:
                return Describe(instance, family, symbols, locals, depth);
            case IConditionalAccessOperation conditional:
                return Describe(conditional.WhenNotNull, family, symbols, locals, depth);
            case ILocalReferenceOperation local when depth < LocalDepth:
                return locals.GetSingleAssignment(local.Local) is { } assigned ? Describe(assigned, family, symbols, locals, depth + 1) : null;
            case IPropertyReferenceOperation property:
                return DescribeMember(property, family, symbols);
            default:
                return null;
        }
    }

    /// <summary>
    /// A member chain from a record (<c>message.ReceiptHandle</c>, <c>record.Kinesis.PartitionKey</c>): null when it is
    /// the record's identifier or starts from no record; otherwise the first member after the record.
    /// </summary>
    private static string? DescribeMember(IPropertyReferenceOperation top, BatchFamily family, BatchSymbols symbols)
    {
        var names = new List<string>();
        IOperation current = top;
        while (current is IPropertyReferenceOperation { Property.IsStatic: false, Instance: { } instance } property)
        {
            names.Insert(0, property.Property.IsIndexer ? "[]" : property.Property.Name);
            var receiver = Receiver(instance);
            var (path, recordFamily) = symbols.IdPathFrom(receiver.Type);
            if (!path.IsDefault)
            {
                return recordFamily != family || IsPath(names, path) ? null : "'" + names[0] + "'";
            }

            current = receiver;
        }

        return null;
    }

    /// <summary>The receiver of a member: through conversions, and out of <c>?.</c> to the value it tests.</summary>
    private static IOperation Receiver(IOperation instance)
    {
        instance = Wrappers.ConversionsAndParentheses(instance);
        if (instance is IConditionalAccessInstanceOperation)
        {
            // The access whose tested part holds this instance: a?.B?.C tests a for B, then a?.B for C.
            var child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation conditional && ReferenceEquals(conditional.WhenNotNull, child))
                {
                    return Wrappers.ConversionsAndParentheses(conditional.Operation);
                }
            }
        }

        return instance;
    }

    private static bool IsPath(List<string> names, System.Collections.Immutable.ImmutableArray<string> path)
    {
        if (names.Count != path.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }
}
