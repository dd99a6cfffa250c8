using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>A call that writes to the file system, and the operation that gives its destination path.</summary>
internal readonly struct FileWrite(IOperation operation, IOperation path, bool creates, IMethodSymbol method)
{
    /// <summary>The invocation or object creation that writes.</summary>
    public IOperation Operation { get; } = operation;

    /// <summary>
    /// The destination at the call site: a string argument, the <c>FileInfo</c> receiver of a member, or a
    /// TransferUtility request; <see cref="FileSystemModel.Classify"/> sees through the last two.
    /// </summary>
    public IOperation Path { get; } = path;

    /// <summary>Whether the call may create the file or folder (a <c>FileMode.Open</c> stream opens an existing one).</summary>
    public bool Creates { get; } = creates;

    public IMethodSymbol Method { get; } = method;
}
