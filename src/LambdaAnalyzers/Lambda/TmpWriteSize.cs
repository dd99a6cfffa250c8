using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// How many bytes one call writes to /tmp, when the code shows it at compile time: <c>File.WriteAllBytes</c> of a
/// constant-size array, <c>SetLength(C)</c> or <c>Write</c> of a constant-size buffer on a /tmp stream, times the
/// iterations of the counted <c>for</c> loop the write runs in unconditionally. The locals of the member are gathered
/// only when a size depends on them.
/// </summary>
internal sealed class TmpWriteSize(FileSystemModel files, IOperation write)
{
    private const int MaxDepth = LocalAssignments.ValueDepth;

    private LocalAssignments? _locals;

    private LocalAssignments Locals => _locals ??= LocalAssignments.ForBlockOf(write);

    /// <summary>The bytes the write puts in /tmp, or null when not known or not a /tmp write.</summary>
    public long? Bytes()
    {
        if (write is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        return method.Name switch
        {
            "WriteAllBytes" or "WriteAllBytesAsync" when method.ContainingType.IsType(files.File) => WriteAllBytesSize(invocation),
            "SetLength" when IsTmpStream(invocation.Instance) => Constant(FileSystemModel.GetArgument(invocation.Arguments, "value"), 0),
            "Write" or "WriteAsync" when IsTmpStream(invocation.Instance) => StreamWriteSize(invocation),
            _ => null,
        };
    }

    private long? WriteAllBytesSize(IInvocationOperation invocation) =>
        files.TryGetWrite(invocation, out var write) && files.Classify(write.Path, Locals) == PathKind.Tmp
            ? ArrayLength(FileSystemModel.GetArgument(invocation.Arguments, "bytes"), 0)
            : null;

    /// <summary>
    /// <c>Write(buffer)</c>, <c>Write(buffer, 0, buffer.Length)</c> or <c>Write(buffer, offset, C)</c> of a constant-size
    /// buffer, times the iterations of the counted <c>for</c> loop it runs in unconditionally.
    /// </summary>
    private long? StreamWriteSize(IInvocationOperation invocation)
    {
        if (FileSystemModel.GetArgument(invocation.Arguments, "buffer") is not { } buffer)
        {
            return null;
        }

        var count = FileSystemModel.GetArgument(invocation.Arguments, "count");
        long? chunk = count is null
            ? ArrayLength(buffer, 0)
            : FileSystemModel.Unwrap(count) is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } array } && SameValue(array, buffer)
                ? ArrayLength(buffer, 0)
                : Constant(count, 0);
        if (chunk is not { } bytes || bytes <= 0 || Loops.Iterations(invocation, Locals, value => Constant(value, 0)) is not { } iterations)
        {
            return null;
        }

        return iterations > long.MaxValue / bytes ? null : bytes * iterations;
    }

    /// <summary>A stream made by <c>File.Create</c>, <c>File.OpenWrite</c> or <c>new FileStream</c> on a /tmp path.</summary>
    private bool IsTmpStream(IOperation? instance)
    {
        if (instance is null || !instance.Type.InheritsFromOrEquals(files.Stream))
        {
            return false;
        }

        var stream = FileSystemModel.Unwrap(instance);
        if (stream is ILocalReferenceOperation local && Locals.GetSingleAssignment(local.Local) is { } value)
        {
            stream = FileSystemModel.Unwrap(value);
        }

        var isStreamCreation = stream switch
        {
            IInvocationOperation { TargetMethod.Name: "Create" or "OpenWrite" } create => create.TargetMethod.ContainingType.IsType(files.File),
            IObjectCreationOperation creation => creation.Type.IsType(files.FileStream),
            _ => false,
        };
        return isStreamCreation && files.TryGetWrite(stream, out var write) && files.Classify(write.Path, Locals) == PathKind.Tmp;
    }

    /// <summary>The length of <c>new byte[C]</c>, directly or in a local assigned once.</summary>
    private long? ArrayLength(IOperation? array, int depth)
    {
        if (array is null || depth > MaxDepth)
        {
            return null;
        }

        array = FileSystemModel.Unwrap(array);
        return array switch
        {
            ILocalReferenceOperation local when Locals.GetSingleAssignment(local.Local) is { } value => ArrayLength(value, depth + 1),
            IArrayCreationOperation { DimensionSizes.Length: 1 } creation => Constant(creation.DimensionSizes[0], depth + 1),
            _ => null,
        };
    }

    /// <summary>A compile-time integer, or a local assigned one exactly once.</summary>
    private long? Constant(IOperation? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        value = FileSystemModel.Unwrap(value);
        switch (value.ConstantValue)
        {
            case { HasValue: true, Value: int number }:
                return number;
            case { HasValue: true, Value: long number }:
                return number;
            case { HasValue: true, Value: uint number }:
                return number;
        }

        return value is ILocalReferenceOperation local && Locals.GetSingleAssignment(local.Local) is { } assigned
            ? Constant(assigned, depth + 1)
            : null;
    }

    private static bool SameValue(IOperation left, IOperation right) =>
        (FileSystemModel.Unwrap(left), FileSystemModel.Unwrap(right)) is (ILocalReferenceOperation a, ILocalReferenceOperation b)
        && SymbolEqualityComparer.Default.Equals(a.Local, b.Local);
}
