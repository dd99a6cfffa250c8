using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0008: per-invocation code creates a file in /tmp under a name that differs per invocation, and the same handler
/// body never deletes, moves or hands it to code that may clean it up. Such files accumulate across warm invocations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TmpFileNotDeletedAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 3;

    // FileOptions.DeleteOnClose.
    private const int DeleteOnClose = 0x04000000;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.TmpFileNotDeleted,
        "Delete per-invocation files in /tmp",
        "'{0}' creates a file in /tmp under a new name on every invocation, and the handler never deletes it; delete it when done",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "/tmp survives between warm invocations of one execution environment. A file created there under a name that differs per " +
            "invocation (a GUID, a random name, the time, the request id, Path.GetTempFileName()) and never deleted stays behind; such files " +
            "accumulate until writes fail with \"No space left on device\". Delete the file in a finally block, or open it with " +
            "FileOptions.DeleteOnClose.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.TmpFileNotDeleted));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (LambdaModel.TryGet(compilationContext.Compilation) is not { } model)
            {
                return;
            }

            var files = FileSystemModel.Get(compilationContext.Compilation);
            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var analyzer = new BlockAnalyzer(files, scope);
                blockContext.RegisterOperationAction(analyzer.Analyze, OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        });
    }

    private sealed class BlockAnalyzer(FileSystemModel files, InvocationScope scope)
    {
        public void Analyze(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            PathIdentity path;
            string name;
            if (operation is IInvocationOperation { TargetMethod.Name: "GetTempFileName" } tempFile && tempFile.TargetMethod.ContainingType.IsType(files.Path))
            {
                // Path.GetTempFileName() creates an empty file under a new name: what keeps its value must be deleted.
                path = HolderOf(tempFile);
                name = "GetTempFileName";
            }
            else if (files.TryGetWrite(operation, out var write) && write.Creates)
            {
                var value = FileSystemModel.Unwrap(write.Path);
                if (IsTempFileName(value)
                    || HasDeleteOnClose(operation)
                    || files.Classify(value, scope.Locals) != PathKind.Tmp
                    || !DiffersPerInvocation(value))
                {
                    return;
                }

                path = new PathIdentity(ReferencedSymbol(value), value);
                name = write.Method.MethodKind == MethodKind.Constructor ? write.Method.ContainingType.Name : write.Method.Name;
            }
            else
            {
                return;
            }

            if (scope.GetRoot(operation) is not { } root || IsCleanedUp(root, path))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), name));
        }

        /// <summary>The local, field or property that keeps a created value, or the value itself.</summary>
        private static PathIdentity HolderOf(IOperation value)
        {
            var current = value;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => new PathIdentity(declarator.Symbol, null),
                ISimpleAssignmentOperation assignment when assignment.Value == current && ReferencedSymbol(assignment.Target) is { } target =>
                    new PathIdentity(target, null),
                _ => new PathIdentity(null, value),
            };
        }

        /// <summary>A path that is the value of <c>Path.GetTempFileName()</c>, reported where that call creates the file.</summary>
        private bool IsTempFileName(IOperation path)
        {
            if (path is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } value)
            {
                path = FileSystemModel.Unwrap(value);
            }

            return path is IInvocationOperation { TargetMethod.Name: "GetTempFileName" } invocation && invocation.TargetMethod.ContainingType.IsType(files.Path);
        }

        /// <summary>
        /// A name that contains a GUID, a random file name or the current time, or that depends on the invocation (the
        /// request id, the event), directly or through locals.
        /// </summary>
        private bool DiffersPerInvocation(IOperation path) => scope.DependsOnInvocation(path, unknownDepends: false) || ContainsUniqueValue(path, 0);

        private bool ContainsUniqueValue(IOperation value, int depth)
        {
            foreach (var operation in value.DescendantsAndSelf())
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
                            if (assigned is not null && ContainsUniqueValue(assigned, depth + 1))
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

        /// <summary>
        /// Anywhere in the handler body, flow-insensitively: the path (the same local, parameter, field or property, or an
        /// equivalent expression) given to <c>File.Delete</c>, <c>FileInfo.Delete</c>, <c>File.Move</c> as source,
        /// <c>Directory.Delete</c> (of it or its folder), a method declared in source, <c>File.Exists</c> (a cache), or
        /// opened with <c>FileOptions.DeleteOnClose</c>.
        /// </summary>
        private bool IsCleanedUp(IOperation root, PathIdentity path)
        {
            var folders = path.Value is { } value ? FoldersOf(value) : ImmutableArray<IOperation>.Empty;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (IsCleanup(invocation, path, folders))
                        {
                            return true;
                        }

                        break;

                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        if ((IsInSource(constructor) && PassesAny(creation.Arguments, path, folders))
                            || (files.TryGetWrite(creation, out var write) && Matches(write.Path, path) && HasDeleteOnClose(creation.Arguments)))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private bool IsCleanup(IInvocationOperation invocation, PathIdentity path, ImmutableArray<IOperation> folders)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (IsInSource(method))
            {
                return PassesAny(invocation.Arguments, path, folders) || (invocation.Instance is { } receiver && Matches(receiver, path));
            }

            if (type.IsType(files.File))
            {
                return method.Name switch
                {
                    "Delete" or "Exists" => Passes(invocation.Arguments, "path", path),
                    "Move" => Passes(invocation.Arguments, "sourceFileName", path),
                    "Create" => Passes(invocation.Arguments, "path", path) && HasDeleteOnClose(invocation.Arguments),
                    _ => false,
                };
            }

            if (type.IsType(files.Directory))
            {
                if (method.Name != "Delete" || FileSystemModel.GetArgument(invocation.Arguments, "path") is not { } deleted)
                {
                    return false;
                }

                if (Matches(deleted, path))
                {
                    return true;
                }

                foreach (var folder in folders)
                {
                    if (Matches(deleted, Identity(folder)))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (type.IsType(files.FileInfo) && method.Name is "Delete" or "MoveTo" && invocation.Instance is { } info)
            {
                return Matches(info, path) || (FileInfoPath(info) is { } infoPath && Matches(infoPath, path));
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

        private static bool PassesAny(ImmutableArray<IArgumentOperation> arguments, PathIdentity path, ImmutableArray<IOperation> folders)
        {
            foreach (var argument in arguments)
            {
                if (Matches(argument.Value, path))
                {
                    return true;
                }

                foreach (var folder in folders)
                {
                    if (Matches(argument.Value, Identity(folder)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Passes(ImmutableArray<IArgumentOperation> arguments, string parameter, PathIdentity path) =>
            FileSystemModel.GetArgument(arguments, parameter) is { } value && Matches(value, path);

        private static bool HasDeleteOnClose(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => HasDeleteOnClose(invocation.Arguments),
            IObjectCreationOperation creation => HasDeleteOnClose(creation.Arguments),
            _ => false,
        };

        private static bool HasDeleteOnClose(ImmutableArray<IArgumentOperation> arguments) =>
            FileSystemModel.GetArgument(arguments, "options") is { ConstantValue: { HasValue: true, Value: int options } } && (options & DeleteOnClose) != 0;

        /// <summary>The same local, parameter, field or property, or an equivalent expression.</summary>
        private static bool Matches(IOperation candidate, PathIdentity path)
        {
            candidate = FileSystemModel.Unwrap(candidate);
            if (path.Symbol is not null)
            {
                return SymbolEqualityComparer.Default.Equals(ReferencedSymbol(candidate), path.Symbol);
            }

            return path.Value is { } value && candidate.Syntax != value.Syntax && candidate.Syntax.IsEquivalentTo(value.Syntax, topLevel: false);
        }

        private static PathIdentity Identity(IOperation value)
        {
            value = FileSystemModel.Unwrap(value);
            return new PathIdentity(ReferencedSymbol(value), value);
        }

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };

        private static bool IsInSource(IMethodSymbol method) => !method.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>What names the created file: a local, parameter, field or property, or else the path expression itself.</summary>
    private readonly struct PathIdentity(ISymbol? symbol, IOperation? value)
    {
        public ISymbol? Symbol { get; } = symbol;

        public IOperation? Value { get; } = value;
    }
}
