using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Where a value comes from, as far as per-invocation code decides it: from the invocation (its event, context or
/// request id), or from something unique to each call (<c>Guid.NewGuid()</c>, <c>Path.GetRandomFileName()</c>,
/// <c>Path.GetTempFileName()</c>, the current time).
/// </summary>
internal sealed class ValueOrigin(FileSystemModel files)
{
    private const int MaxDepth = LocalAssignments.ValueDepth;

    /// <summary>A value that differs per invocation: it depends on the invocation or holds a unique value, directly or through locals.</summary>
    public bool DiffersPerInvocation(IOperation value, InvocationScope scope) =>
        scope.DependsOnInvocation(value, unknownDepends: false) || ContainsUniqueValue(value, scope, 0);

    private bool ContainsUniqueValue(IOperation value, InvocationScope scope, int depth)
    {
        foreach (var operation in TreeWalk.DescendantsAndSelf(value))
        {
            switch (operation)
            {
                case IInvocationOperation invocation when IsUniqueValue(invocation.TargetMethod):
                    return true;

                case IPropertyReferenceOperation { Property.Name: "Now" or "UtcNow" } property
                    when property.Property.ContainingType.IsType(files.DateTime) || property.Property.ContainingType.IsType(files.DateTimeOffset):
                    return true;

                case ILocalReferenceOperation local when depth < MaxDepth:
                    foreach (var assigned in scope.Locals.Get(local.Local))
                    {
                        if (assigned is not null && ContainsUniqueValue(assigned, scope, depth + 1))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private bool IsUniqueValue(IMethodSymbol method) =>
        (method.Name == "NewGuid" && method.ContainingType.IsType(files.Guid))
        || (method.Name is "GetRandomFileName" or "GetTempFileName" && method.ContainingType.IsType(files.Path));
}
