using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Whether per-invocation code cleans up a file it created: anywhere in the same root, flow-insensitively, the file
/// (the same local, parameter, field or property, or an equivalent expression) is given to <c>File.Delete</c>,
/// <c>FileInfo.Delete</c>, <c>File.Move</c> as source, <c>Directory.Delete</c> (of it or its folder), a method
/// declared in source, <c>File.Exists</c> (a cache), or opened with <c>FileOptions.DeleteOnClose</c>.
/// </summary>
internal sealed class FileCleanup(FileSystemModel files, InvocationScope scope)
{
    private const int MaxDepth = LocalAssignments.ValueDepth;

    // FileOptions.DeleteOnClose.
    private const int DeleteOnClose = 0x04000000;

    public bool IsCleanedUp(IOperation root, FileIdentity file)
    {
        var folders = file.Value is { } value ? FoldersOf(value) : ImmutableArray<IOperation>.Empty;
        foreach (var operation in TreeWalk.Descendants(root))
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (IsCleanup(invocation, file, folders))
                    {
                        return true;
                    }

                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    if ((IsInSource(constructor) && PassesAny(creation.Arguments, file, folders))
                        || (files.TryGetWrite(creation, out var write) && file.IsNamedBy(write.Path) && HasDeleteOnClose(creation.Arguments)))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the file's path leaves the code that created it, so that what happens to the file is up to others: the
    /// creating call, or anything in the root that names the file, is returned, stored in a field, a property or a
    /// <c>ref</c>/<c>out</c> parameter, or passed to a method that is not a file-system call (<c>File</c>,
    /// <c>Directory</c>, <c>FileInfo</c>, <c>Path</c>, a stream or a reader or writer of one). A method the handler
    /// calls often makes a file for its caller to use and delete.
    /// </summary>
    public bool LeavesTheMethod(IOperation root, IOperation creation, FileIdentity file)
    {
        if (Leaves(creation))
        {
            return true;
        }

        foreach (var operation in TreeWalk.Descendants(root))
        {
            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && file.IsNamedBy(operation)
                && Leaves(operation))
            {
                return true;
            }
        }

        return false;
    }

    private bool Leaves(IOperation value)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IReturnOperation:
                return true;
            case ISimpleAssignmentOperation assignment when assignment.Value == current:
                return assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation
                    || assignment.Target is IParameterReferenceOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out };
            case IVariableInitializerOperation { Parent: IFieldInitializerOperation or IPropertyInitializerOperation }:
                return true;
            case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In } argument:
                var target = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                };
                return target is not null && !IsFileSystemMember(target);
            default:
                return false;
        }
    }

    private bool IsFileSystemMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type.IsType(files.File) || type.IsType(files.Directory) || type.IsType(files.FileInfo) || type.IsType(files.Path))
        {
            return true;
        }

        // Streams, readers and writers of the file, wherever they are declared.
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() == "System.IO")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A write or open that passes <c>FileOptions.DeleteOnClose</c>: the file goes when it is closed.</summary>
    public static bool HasDeleteOnClose(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => HasDeleteOnClose(invocation.Arguments),
        IObjectCreationOperation creation => HasDeleteOnClose(creation.Arguments),
        _ => false,
    };

    private bool IsCleanup(IInvocationOperation invocation, FileIdentity file, ImmutableArray<IOperation> folders)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (IsInSource(method))
        {
            return PassesAny(invocation.Arguments, file, folders) || (invocation.Instance is { } receiver && file.IsNamedBy(receiver));
        }

        if (type.IsType(files.File))
        {
            return method.Name switch
            {
                "Delete" or "Exists" => Passes(invocation.Arguments, "path", file),
                "Move" => Passes(invocation.Arguments, "sourceFileName", file),
                "Create" => Passes(invocation.Arguments, "path", file) && HasDeleteOnClose(invocation.Arguments),
                _ => false,
            };
        }

        if (type.IsType(files.Directory))
        {
            if (method.Name != "Delete" || FileSystemModel.GetArgument(invocation.Arguments, "path") is not { } deleted)
            {
                return false;
            }

            if (file.IsNamedBy(deleted))
            {
                return true;
            }

            foreach (var folder in folders)
            {
                if (FileIdentity.Of(folder).IsNamedBy(deleted))
                {
                    return true;
                }
            }

            return false;
        }

        if (type.IsType(files.FileInfo) && method.Name is "Delete" or "MoveTo" && invocation.Instance is { } info)
        {
            return file.IsNamedBy(info) || (FileInfoPath(info) is { } infoPath && file.IsNamedBy(infoPath));
        }

        return false;
    }

    /// <summary>The path a <c>FileInfo</c> was created from: <c>new FileInfo(path)</c>, or a local assigned one once.</summary>
    private IOperation? FileInfoPath(IOperation info)
    {
        info = FileSystemModel.Unwrap(info);
        if (info is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } value)
        {
            info = FileSystemModel.Unwrap(value);
        }

        return info is IObjectCreationOperation { Constructor: { } constructor } creation && constructor.ContainingType.IsType(files.FileInfo)
            ? FileSystemModel.GetArgument(creation.Arguments, "fileName")
            : null;
    }

    /// <summary>The folders a path was combined from: <c>dir</c> in <c>Path.Combine(dir, name)</c>, also through locals.</summary>
    private ImmutableArray<IOperation> FoldersOf(IOperation path)
    {
        var folders = ImmutableArray.CreateBuilder<IOperation>();
        var current = path;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            current = FileSystemModel.Unwrap(current);
            if (current is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } value)
            {
                current = FileSystemModel.Unwrap(value);
            }

            IOperation? folder = current switch
            {
                IInvocationOperation { TargetMethod.Name: "Combine" or "Join", Arguments.Length: > 0 } combine
                    when combine.TargetMethod.ContainingType.IsType(files.Path) && combine.Arguments[0].ArgumentKind == ArgumentKind.Explicit =>
                    combine.Arguments[0].Value,
                IInterpolatedStringOperation { Parts.Length: > 0 } interpolated when interpolated.Parts[0] is IInterpolationOperation interpolation =>
                    interpolation.Expression,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => binary.LeftOperand,
                _ => null,
            };
            if (folder is null)
            {
                break;
            }

            folders.Add(folder);
            current = folder;
        }

        return folders.ToImmutable();
    }

    private static bool PassesAny(ImmutableArray<IArgumentOperation> arguments, FileIdentity file, ImmutableArray<IOperation> folders)
    {
        foreach (var argument in arguments)
        {
            if (file.IsNamedBy(argument.Value))
            {
                return true;
            }

            foreach (var folder in folders)
            {
                if (FileIdentity.Of(folder).IsNamedBy(argument.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Passes(ImmutableArray<IArgumentOperation> arguments, string parameter, FileIdentity file) =>
        FileSystemModel.GetArgument(arguments, parameter) is { } value && file.IsNamedBy(value);

    private static bool HasDeleteOnClose(ImmutableArray<IArgumentOperation> arguments) =>
        FileSystemModel.GetArgument(arguments, "options") is { ConstantValue: { HasValue: true, Value: int options } } && (options & DeleteOnClose) != 0;

    private static bool IsInSource(IMethodSymbol method) => !method.DeclaringSyntaxReferences.IsEmpty;
}
