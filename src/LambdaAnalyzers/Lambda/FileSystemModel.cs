using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The file-system knowledge the file rules share, resolved once per compilation: which calls write and which of their
/// arguments is the destination (<see cref="TryGetWrite"/>), where a path expression points (<see cref="Classify"/>).
/// </summary>
internal sealed class FileSystemModel
{
    private const int MaxDepth = LocalAssignments.BuiltValueDepth;

    // FileMode values: CreateNew 1, Create 2, Open 3, OpenOrCreate 4, Truncate 5, Append 6. FileAccess.Write is 2.
    private const int FileAccessWrite = 2;

    private static readonly ConditionalWeakTable<Compilation, FileSystemModel> s_models = new();

    private FileSystemModel(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        File = types.Find(KnownTypeNames.SystemIOFile);
        FileInfo = types.Find(KnownTypeNames.SystemIOFileInfo);
        Directory = types.Find(KnownTypeNames.SystemIODirectory);
        DirectoryInfo = types.Find(KnownTypeNames.SystemIODirectoryInfo);
        FileStream = types.Find(KnownTypeNames.SystemIOFileStream);
        StreamWriter = types.Find(KnownTypeNames.SystemIOStreamWriter);
        Stream = types.Find(KnownTypeNames.SystemIOStream);
        Path = types.Find(KnownTypeNames.SystemIOPath);
        FileOptions = types.Find(KnownTypeNames.SystemIOFileOptions);
        ZipFile = types.Find(KnownTypeNames.SystemIOCompressionZipFile);
        ZipFileExtensions = types.Find(KnownTypeNames.SystemIOCompressionZipFileExtensions);
        AppContext = types.Find(KnownTypeNames.SystemAppContext);
        AppDomain = types.Find(KnownTypeNames.SystemAppDomain);
        Environment = types.Find(KnownTypeNames.SystemEnvironment);
        Assembly = types.Find(KnownTypeNames.SystemReflectionAssembly);
        Guid = types.Find(KnownTypeNames.SystemGuid);
        DateTime = types.Find(KnownTypeNames.SystemDateTime);
        DateTimeOffset = types.Find(KnownTypeNames.SystemDateTimeOffset);

        const string s3 = KnownTypeNames.AwsSdkS3AssemblyName;
        TransferUtility = types.Find(KnownTypeNames.AmazonS3TransferTransferUtility, s3);
        ITransferUtility = types.Find(KnownTypeNames.AmazonS3TransferITransferUtility, s3);
        DownloadRequest = types.Find(KnownTypeNames.AmazonS3TransferTransferUtilityDownloadRequest, s3);
        DownloadDirectoryRequest = types.Find(KnownTypeNames.AmazonS3TransferTransferUtilityDownloadDirectoryRequest, s3);
        GetObjectResponse = types.Find(KnownTypeNames.AmazonS3ModelGetObjectResponse, s3);
    }

    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? FileInfo { get; }
    public INamedTypeSymbol? Directory { get; }
    public INamedTypeSymbol? DirectoryInfo { get; }
    public INamedTypeSymbol? FileStream { get; }
    public INamedTypeSymbol? StreamWriter { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? Path { get; }
    public INamedTypeSymbol? FileOptions { get; }
    public INamedTypeSymbol? ZipFile { get; }
    public INamedTypeSymbol? ZipFileExtensions { get; }
    public INamedTypeSymbol? AppContext { get; }
    public INamedTypeSymbol? AppDomain { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? Assembly { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? TransferUtility { get; }
    public INamedTypeSymbol? ITransferUtility { get; }
    public INamedTypeSymbol? DownloadRequest { get; }
    public INamedTypeSymbol? DownloadDirectoryRequest { get; }
    public INamedTypeSymbol? GetObjectResponse { get; }

    public static FileSystemModel Get(Compilation compilation) => s_models.GetValue(compilation, static c => new FileSystemModel(c));

    /// <summary><c>Path.GetTempFileName()</c>, which creates an empty file under a new name.</summary>
    public bool IsTempFileNameCall(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "GetTempFileName" } invocation && invocation.TargetMethod.ContainingType.IsType(Path);

    /// <summary>A path that is the value of <c>Path.GetTempFileName()</c>, directly or through a local assigned once.</summary>
    public bool IsTempFileName(IOperation path, LocalAssignments locals)
    {
        if (path is ILocalReferenceOperation local && locals.GetSingleAssignment(local.Local) is { } value)
        {
            path = Unwrap(value);
        }

        return IsTempFileNameCall(path);
    }

    // ---- What writes -------------------------------------------------------------------------------------------

    /// <summary>
    /// Whether every reference to a constant in one syntax tree is the destination of a file write, or already combined
    /// with the temp folder (<c>Path.Combine(Path.GetTempPath(), X)</c>): only then may the constant itself lose its
    /// read-only folder without changing what other code reads.
    /// </summary>
    public bool IsOnlyWriteDestination(ISymbol constant, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var node in TreeWalk.DescendantNodes(semanticModel.SyntaxTree.GetRoot(cancellationToken), static _ => true))
        {
            if (node is not IdentifierNameSyntax identifier
                || identifier.Identifier.ValueText != constant.Name
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, constant))
            {
                continue;
            }

            SyntaxNode reference = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
            if (reference.Parent is not ArgumentSyntax { Parent.Parent: { } call }
                || semanticModel.GetOperation(call, cancellationToken) is not { } operation)
            {
                return false;
            }

            var isWrite = TryGetWrite(operation, out var write) && Unwrap(write.Path).Syntax == reference;
            if (!isWrite && !IsCombinedWithTempPath(operation))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsCombinedWithTempPath(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "Combine", Arguments.Length: 2 } combine
        && SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, Path)
        && Unwrap(combine.Arguments[0].Value) is IInvocationOperation { TargetMethod.Name: "GetTempPath" } temp
        && SymbolEqualityComparer.Default.Equals(temp.TargetMethod.ContainingType, Path);

    /// <summary>
    /// Whether an invocation or object creation writes to the file system, and its destination: <c>File.Write*</c>,
    /// <c>Append*</c>, <c>Create*</c>, <c>OpenWrite</c>, <c>Copy</c>/<c>Move</c> (destination), <c>File.Open</c> and
    /// <c>new FileStream</c> with a writing mode or access (no access means read-write), <c>new StreamWriter(path)</c>,
    /// <c>Directory.CreateDirectory</c>, <c>ZipFile.ExtractToDirectory</c>/<c>CreateFromDirectory</c>, the zip
    /// extensions, <c>FileInfo</c> writing members, TransferUtility downloads and
    /// <c>GetObjectResponse.WriteResponseStreamToFile(Async)</c>.
    /// </summary>
    public bool TryGetWrite(IOperation operation, out FileWrite write)
    {
        write = default;
        switch (operation)
        {
            case IInvocationOperation invocation:
                return TryGetWrite(invocation, out write);

            case IObjectCreationOperation { Constructor: { } constructor } creation when constructor.ContainingType.Name is "FileStream" or "StreamWriter":
                var type = constructor.ContainingType;
                if (type.IsType(FileStream))
                {
                    return TryGetStreamWrite(creation, constructor, creation.Arguments, out write);
                }

                if (type.IsType(StreamWriter) && GetArgument(creation.Arguments, "path") is { } path)
                {
                    write = new FileWrite(creation, path, creates: true, constructor);
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    private bool TryGetWrite(IInvocationOperation invocation, out FileWrite write)
    {
        write = default;
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        // Most calls are not writes: the method's name rules them out before any type is compared.
        if (type is null || !IsWriterName(method.Name))
        {
            return false;
        }

        string? parameter = null;
        if (type.IsType(File))
        {
            switch (method.Name)
            {
                case "WriteAllText" or "WriteAllTextAsync" or "WriteAllBytes" or "WriteAllBytesAsync" or "WriteAllLines" or "WriteAllLinesAsync"
                    or "AppendAllText" or "AppendAllTextAsync" or "AppendAllLines" or "AppendAllLinesAsync" or "AppendAllBytes" or "AppendAllBytesAsync"
                    or "Create" or "CreateText" or "AppendText" or "OpenWrite":
                    parameter = "path";
                    break;
                case "Copy" or "Move":
                    parameter = "destFileName";
                    break;
                case "Open":
                    return TryGetStreamWrite(invocation, method, invocation.Arguments, out write);
            }
        }
        else if (type.IsType(Directory))
        {
            parameter = method.Name == "CreateDirectory" ? "path" : null;
        }
        else if (type.IsType(ZipFile))
        {
            parameter = method.Name switch
            {
                "ExtractToDirectory" => "destinationDirectoryName",
                "CreateFromDirectory" => "destinationArchiveFileName",
                _ => null,
            };
        }
        else if (type.IsType(ZipFileExtensions))
        {
            parameter = method.Name switch
            {
                "ExtractToDirectory" => "destinationDirectoryName",
                "ExtractToFile" => "destinationFileName",
                _ => null,
            };
        }
        else if (type.IsType(FileInfo))
        {
            switch (method.Name)
            {
                case "Create" or "CreateText" or "AppendText" or "OpenWrite" when invocation.Instance is { } receiver:
                    write = new FileWrite(invocation, receiver, creates: true, method);
                    return true;
                case "CopyTo" or "MoveTo":
                    parameter = "destFileName";
                    break;
                case "Open" when invocation.Instance is { } receiver:
                    if (IsWritingMode(invocation.Arguments, out var creates))
                    {
                        write = new FileWrite(invocation, receiver, creates, method);
                        return true;
                    }

                    return false;
            }
        }
        else if (type.IsType(TransferUtility) || type.IsType(ITransferUtility))
        {
            if (method.Name.StartsWith("DownloadDirectory", StringComparison.Ordinal))
            {
                parameter = GetArgument(invocation.Arguments, "localDirectory") is null ? "request" : "localDirectory";
            }
            else if (method.Name.StartsWith("Download", StringComparison.Ordinal))
            {
                parameter = GetArgument(invocation.Arguments, "filePath") is null ? "request" : "filePath";
            }
        }
        else if (type.IsType(GetObjectResponse))
        {
            parameter = method.Name is "WriteResponseStreamToFile" or "WriteResponseStreamToFileAsync" ? "filePath" : null;
        }

        if (parameter is null || GetArgument(invocation.Arguments, parameter) is not { } path)
        {
            return false;
        }

        write = new FileWrite(invocation, path, creates: true, method);
        return true;
    }

    /// <summary>Whether a method of that name may write, whatever its type: every name the checks below accept.</summary>
    private static bool IsWriterName(string name)
    {
        switch (name)
        {
            case "WriteAllText" or "WriteAllTextAsync" or "WriteAllBytes" or "WriteAllBytesAsync" or "WriteAllLines" or "WriteAllLinesAsync"
                or "AppendAllText" or "AppendAllTextAsync" or "AppendAllLines" or "AppendAllLinesAsync" or "AppendAllBytes" or "AppendAllBytesAsync"
                or "Create" or "CreateText" or "AppendText" or "OpenWrite" or "Copy" or "Move" or "Open" or "CopyTo" or "MoveTo"
                or "CreateDirectory" or "ExtractToDirectory" or "CreateFromDirectory" or "ExtractToFile"
                or "WriteResponseStreamToFile" or "WriteResponseStreamToFileAsync":
                return true;
            default:
                return name.StartsWith("Download", StringComparison.Ordinal);
        }
    }

    /// <summary><c>new FileStream(path, mode[, access, ...])</c> and <c>File.Open(path, mode[, access, ...])</c>.</summary>
    private static bool TryGetStreamWrite(IOperation operation, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, out FileWrite write)
    {
        write = default;
        if (GetArgument(arguments, "path") is not { } path || !IsWritingMode(arguments, out var creates))
        {
            return false;
        }

        write = new FileWrite(operation, path, creates, method);
        return true;
    }

    /// <summary>
    /// A <c>FileMode</c>/<c>FileAccess</c> pair that writes: a constant access with the write bit or, without an access,
    /// any mode (such streams open read-write). Creating: a constant mode other than <c>Open</c> and <c>Truncate</c>.
    /// </summary>
    private static bool IsWritingMode(ImmutableArray<IArgumentOperation> arguments, out bool creates)
    {
        creates = false;
        if (GetArgument(arguments, "mode") is not { } mode)
        {
            return false;
        }

        if (mode.ConstantValue is { HasValue: true, Value: int modeValue })
        {
            creates = modeValue is 1 or 2 or 4 or 6;
        }

        if (GetArgument(arguments, "access") is not { } access)
        {
            return true;
        }

        return access.ConstantValue is { HasValue: true, Value: int accessValue } && (accessValue & FileAccessWrite) != 0;
    }

    /// <summary>The value given for a parameter, explicitly (a default value is no destination).</summary>
    public static IOperation? GetArgument(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument.Value;
            }
        }

        return null;
    }

    // ---- Where a path points -----------------------------------------------------------------------------------

    /// <summary>
    /// Where a path expression points: a constant, <c>Path.GetTempPath()</c>, <c>Path.GetTempFileName()</c>,
    /// <c>AppContext.BaseDirectory</c>, the current directory, <c>Assembly.Location</c> and its folder, through
    /// <c>Path.Combine</c>/<c>Join</c>, interpolation, concatenation, <c>Path.GetFullPath</c>, a conditional whose
    /// branches agree, a local assigned once (when <paramref name="locals"/> is given), a <c>FileInfo</c> created from a
    /// path and a TransferUtility request initialized with one. Anything else is <see cref="PathKind.Unknown"/>.
    /// </summary>
    public PathKind Classify(IOperation path, LocalAssignments? locals) => Classify(path, locals, 0);

    private PathKind Classify(IOperation path, LocalAssignments? locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return PathKind.Unknown;
        }

        path = Unwrap(path);
        if (path.ConstantValue is { HasValue: true, Value: string text })
        {
            return ClassifyText(text, isPrefix: false);
        }

        switch (path)
        {
            case ILocalReferenceOperation local when locals?.GetSingleAssignment(local.Local) is { } value:
                return Classify(value, locals, depth + 1);

            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, locals, depth);

            case IPropertyReferenceOperation property:
                var owner = property.Property.ContainingType;
                return property.Property.Name switch
                {
                    "BaseDirectory" when owner.IsType(AppContext) || owner.IsType(AppDomain) => PathKind.BaseDirectory,
                    "CurrentDirectory" when owner.IsType(Environment) => PathKind.CurrentDirectory,
                    "Location" when owner.InheritsFromOrEquals(Assembly) => PathKind.AssemblyFolder,
                    _ => PathKind.Unknown,
                };

            case IInterpolatedStringOperation interpolated:
                if (interpolated.Parts.IsEmpty)
                {
                    return PathKind.Unknown;
                }

                return interpolated.Parts[0] switch
                {
                    IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string prefix } } =>
                        ClassifyText(prefix, isPrefix: interpolated.Parts.Length > 1),
                    IInterpolationOperation { Expression: var expression } => Classify(expression, locals, depth + 1),
                    _ => PathKind.Unknown,
                };

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                var left = Unwrap(binary.LeftOperand);
                return left.ConstantValue is { HasValue: true, Value: string leftText }
                    ? ClassifyText(leftText, isPrefix: true)
                    : Classify(left, locals, depth + 1);

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                var whenTrue = Classify(conditional.WhenTrue, locals, depth + 1);
                return whenTrue == Classify(whenFalse, locals, depth + 1) ? whenTrue : PathKind.Unknown;

            case IObjectCreationOperation { Constructor: { } constructor } creation:
                var created = constructor.ContainingType;
                if (created.IsType(FileInfo) || created.IsType(DirectoryInfo))
                {
                    return GetArgument(creation.Arguments, created.IsType(FileInfo) ? "fileName" : "path") is { } argument
                        ? Classify(argument, locals, depth + 1)
                        : PathKind.Unknown;
                }

                if (created.IsType(DownloadRequest) || created.IsType(DownloadDirectoryRequest))
                {
                    var member = created.IsType(DownloadRequest) ? "FilePath" : "LocalDirectory";
                    if (creation.Initializer is null)
                    {
                        return PathKind.Unknown;
                    }

                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                            && target.Property.Name == member)
                        {
                            return Classify(assignment.Value, locals, depth + 1);
                        }
                    }
                }

                return PathKind.Unknown;

            default:
                return PathKind.Unknown;
        }
    }

    private PathKind ClassifyInvocation(IInvocationOperation invocation, LocalAssignments? locals, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType.IsType(Directory))
        {
            return method.Name == "GetCurrentDirectory" ? PathKind.CurrentDirectory : PathKind.Unknown;
        }

        if (!method.ContainingType.IsType(Path))
        {
            return PathKind.Unknown;
        }

        switch (method.Name)
        {
            case "GetTempPath" or "GetTempFileName":
                return PathKind.Tmp;

            case "GetFullPath" when GetArgument(invocation.Arguments, "basePath") is { } basePath:
                // A relative path is resolved against the base path given, not against the working directory.
                var resolved = GetArgument(invocation.Arguments, "path") is { } relative ? Classify(relative, locals, depth + 1) : PathKind.Unknown;
                return resolved == PathKind.Relative ? Classify(basePath, locals, depth + 1) : resolved;

            case "GetFullPath" or "ChangeExtension" when GetArgument(invocation.Arguments, "path") is { } path:
                return Classify(path, locals, depth + 1);

            case "GetDirectoryName" when invocation.Arguments.Length == 1:
                // The folder of the assembly; other folders keep their kind only for the deployment package.
                var folder = Classify(invocation.Arguments[0].Value, locals, depth + 1);
                return folder is PathKind.AssemblyFolder or PathKind.BaseDirectory or PathKind.TaskRoot or PathKind.Layers ? folder : PathKind.Unknown;

            case "Combine" or "Join":
                return ClassifyCombine(invocation, method.Name == "Combine", locals, depth);

            default:
                return PathKind.Unknown;
        }
    }

    /// <summary>
    /// <c>Path.Combine</c> starts over at each rooted part, <c>Path.Join</c> does not: the kind of the first part, or
    /// of the last constant rooted part of a Combine.
    /// </summary>
    private PathKind ClassifyCombine(IInvocationOperation invocation, bool resetsAtRoot, LocalAssignments? locals, int depth)
    {
        IOperation? first = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        first ??= element;
                        if (resetsAtRoot && IsRootedConstant(element))
                        {
                            first = element;
                        }
                    }
                }
                else
                {
                    return PathKind.Unknown;
                }

                continue;
            }

            first ??= argument.Value;
            if (resetsAtRoot && IsRootedConstant(argument.Value))
            {
                first = argument.Value;
            }
        }

        return first is null ? PathKind.Unknown : Classify(first, locals, depth + 1);
    }

    private static bool IsRootedConstant(IOperation operation) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: string text } && text.StartsWith("/", StringComparison.Ordinal);

    /// <summary>
    /// The kind of a constant path, or of the constant start of a longer one (<paramref name="isPrefix"/>): then a
    /// folder must end with its separator (<c>"/tmp"</c> could go on as <c>"/tmpfoo"</c>).
    /// </summary>
    public static PathKind ClassifyText(string text, bool isPrefix)
    {
        if (text.Length == 0)
        {
            return PathKind.Unknown;
        }

        if (IsUnder(text, "/tmp", isPrefix))
        {
            return PathKind.Tmp;
        }

        if (IsUnder(text, "/mnt", isPrefix) || IsUnder(text, "/dev", isPrefix) || IsUnder(text, "/proc", isPrefix))
        {
            return PathKind.Mounted;
        }

        if (IsUnder(text, "/var/task", isPrefix))
        {
            return PathKind.TaskRoot;
        }

        if (IsUnder(text, "/opt", isPrefix))
        {
            return PathKind.Layers;
        }

        // Other absolute paths, home-relative paths, parent folders, drives and URIs: not known to be read-only.
        var first = text[0];
        if (first is '/' or '\\' or '~' || text.StartsWith("..", StringComparison.Ordinal) || text.IndexOf(':') >= 0)
        {
            return PathKind.Unknown;
        }

        return PathKind.Relative;
    }

    private static bool IsUnder(string text, string folder, bool isPrefix) =>
        text.StartsWith(folder, StringComparison.Ordinal)
        && (text.Length > folder.Length ? text[folder.Length] == '/' : !isPrefix);

    /// <summary>
    /// The part of a constant path below the read-only folder it names: <c>"x"</c> for <c>"x"</c>, <c>"./x"</c>,
    /// <c>"/var/task/x"</c> and <c>"/opt/x"</c>; null when nothing remains.
    /// </summary>
    public static string? GetRelativePart(string text)
    {
        var kind = ClassifyText(text, isPrefix: false);
        var rest = kind switch
        {
            PathKind.Relative => text,
            PathKind.TaskRoot => text.Substring("/var/task".Length),
            PathKind.Layers => text.Substring("/opt".Length),
            _ => null,
        };
        while (rest is not null && (rest.StartsWith("/", StringComparison.Ordinal) || rest.StartsWith("./", StringComparison.Ordinal)))
        {
            rest = rest.Substring(rest[0] == '/' ? 1 : 2);
        }

        return string.IsNullOrEmpty(rest) || rest == "." ? null : rest;
    }

    /// <summary>Whether a path of this kind is on the read-only file system.</summary>
    public static bool IsReadOnly(PathKind kind) =>
        kind is PathKind.Relative or PathKind.TaskRoot or PathKind.Layers or PathKind.BaseDirectory or PathKind.CurrentDirectory or PathKind.AssemblyFolder;

    /// <summary>Conversions and parentheses: a path survives any of them.</summary>
    public static IOperation Unwrap(IOperation operation) => Wrappers.ConversionsAndParentheses(operation);
}
