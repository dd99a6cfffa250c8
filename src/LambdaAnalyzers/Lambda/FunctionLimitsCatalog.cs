using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Which deployed functions run an entry of this compilation, with their limits (<see cref="FunctionLimits"/>): "the
/// functions whose entries reach this region". A method is the entry of the functions whose class-library handler
/// strings name it (resolved as the runtime resolves them, <see cref="HandlerStringCheck"/>; strings of other assemblies
/// name nothing here), of the functions whose handler is the Annotations wrapper generated for it
/// (<c>Asm::Ns.Class_Method_Generated::Method</c>), and of its own <c>[LambdaFunction(Timeout = c, MemorySize = c)]</c>,
/// whose constants come before the generated template's values. In an executable, an entry no handler string names
/// belongs to the executable's functions: those whose handler is the assembly name, and those without a class-library
/// handler (a custom runtime's <c>bootstrap</c>) whose <c>CodeUri</c>, resolved against the template's folder, is the
/// project folder (<c>build_property.MSBuildProjectDirectory</c>), or declared by an <c>aws-lambda-tools-defaults.json</c>
/// in the project folder. With Annotations' <c>GenerateMain</c>, a function's <c>ANNOTATIONS_HANDLER</c> variable
/// picks its method. When a template and <c>aws-lambda-tools-defaults.json</c> both declare an entry's function, the
/// template wins.
/// </summary>
/// <remarks>
/// The files are read when the model is made; a handler string is resolved to a method only when a rule asks about an
/// entry of its method's name, as <see cref="HandlerStringEntrySource"/> does.
/// </remarks>
internal sealed class FunctionLimitsCatalog
{
    /// <summary>The MSBuild property the package's props make visible (<c>CompilerVisibleProperty</c>).</summary>
    public const string ProjectDirectoryKey = "build_property.MSBuildProjectDirectory";

    private readonly Dictionary<string, List<(HandlerString Handler, FunctionLimits Function)>> _byMethodName;
    private readonly ImmutableArray<FunctionLimits> _executableFunctions;
    private readonly bool _isExecutable;
    private readonly KnownTypes _types;
    private readonly LambdaSymbols _symbols;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<FunctionLimits>> _byEntry = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableArray<(IMethodSymbol Method, FunctionLimits Function)>> _resolved = new(StringComparer.Ordinal);

    private FunctionLimitsCatalog(
        Dictionary<string, List<(HandlerString, FunctionLimits)>> byMethodName,
        ImmutableArray<FunctionLimits> executableFunctions,
        Compilation compilation,
        LambdaSymbols symbols)
    {
        _byMethodName = byMethodName;
        _executableFunctions = executableFunctions;
        _isExecutable = compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata);
        _types = KnownTypes.Get(compilation);
        _symbols = symbols;
        _assembly = compilation.Assembly;
    }

    public static FunctionLimitsCatalog Create(ModelInputs inputs, LambdaSymbols symbols)
    {
        var byMethodName = new Dictionary<string, List<(HandlerString, FunctionLimits)>>(StringComparer.Ordinal);
        var executable = ImmutableArray.CreateBuilder<FunctionLimits>();
        var assembly = inputs.Compilation.AssemblyName;
        var projectDirectory = inputs.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ProjectDirectoryKey, out var directory)
            ? ProjectPath.Normalize(directory)
            : null;
        foreach (var file in inputs.AdditionalFiles)
        {
            if (assembly is null || DeploymentFile.TryGet(file, inputs.Options, CancellationToken.None) is not { Limits.IsEmpty: false } facts)
            {
                continue;
            }

            foreach (var function in facts.Limits)
            {
                if (function.Handler is not { } text)
                {
                    continue;
                }

                if (HandlerString.TryParse(text, 0, 0) is { } handler)
                {
                    if (handler.Assembly == assembly)
                    {
                        if (!byMethodName.TryGetValue(handler.Method, out var named))
                        {
                            byMethodName.Add(handler.Method, named = new List<(HandlerString, FunctionLimits)>());
                        }

                        named.Add((handler, function));
                    }
                }
                else if (text == assembly || IsOfProjectFolder(function, file.Path, projectDirectory))
                {
                    executable.Add(function);
                }
            }
        }

        return new FunctionLimitsCatalog(byMethodName, executable.ToImmutable(), inputs.Compilation, symbols);
    }

    /// <summary>
    /// Whether any entry may have a known limit: a deployment file describes a function of this assembly, or
    /// Annotations is referenced (its attribute may give one). Rules that need a limit register nothing otherwise.
    /// </summary>
    public bool MayHaveTimeouts => _byMethodName.Count > 0 || !_executableFunctions.IsEmpty || _symbols.LambdaFunctionAttribute is not null;

    /// <summary>
    /// The functions whose entries reach a region, with their limits; empty when no deployment file or attribute
    /// describes one. A handler's own code is reached from its entry; code a handler reaches through calls from every
    /// entry whose code reaches it (<see cref="ReachPath.Entries"/>), each function once.
    /// </summary>
    public ImmutableArray<FunctionLimits> GetFunctions(Region? region)
    {
        if (region?.Reach is not { } reach)
        {
            return region?.Entry is { } entry ? GetFunctions(entry) : ImmutableArray<FunctionLimits>.Empty;
        }

        var entries = reach.Entries;
        if (entries.Length == 1)
        {
            return GetFunctions(entries[0]);
        }

        var functions = ImmutableArray.CreateBuilder<FunctionLimits>();
        foreach (var reaching in entries)
        {
            foreach (var function in GetFunctions(reaching))
            {
                if (!functions.Contains(function))
                {
                    functions.Add(function);
                }
            }
        }

        return functions.ToImmutable();
    }

    /// <summary>The functions an entry (a handler method, or a handler lambda or local function) is the handler of.</summary>
    public ImmutableArray<FunctionLimits> GetFunctions(IMethodSymbol entry)
    {
        var key = entry.OriginalDefinition;
        return _byEntry.TryGetValue(key, out var functions) ? functions : _byEntry.GetOrAdd(key, Compute(key));
    }

    private ImmutableArray<FunctionLimits> Compute(IMethodSymbol entry)
    {
        var functions = new List<FunctionLimits>();
        if (entry.MethodKind == MethodKind.Ordinary && _byMethodName.ContainsKey(entry.Name))
        {
            foreach (var (method, function) in Resolve(entry.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method, entry))
                {
                    functions.Add(function);
                }
            }
        }

        var isLambdaFunction = HandlerDiscovery.IsLambdaFunction(entry, _symbols);
        if (isLambdaFunction)
        {
            foreach (var function in _executableFunctions)
            {
                if (function.AnnotationsHandler == entry.Name)
                {
                    functions.Add(function);
                }
            }
        }
        else if (functions.Count == 0 && _isExecutable)
        {
            foreach (var function in _executableFunctions)
            {
                if (function.AnnotationsHandler is null)
                {
                    functions.Add(function);
                }
            }
        }

        // A template deploys the function the tools' defaults also describe: its values are the ones deployed.
        if (functions.Exists(static f => f.IsFromTemplate))
        {
            functions.RemoveAll(static f => f.Source == FunctionLimitsSource.ToolsDefaults);
        }

        return isLambdaFunction ? WithAttribute(entry, functions) : functions.ToImmutableArray();
    }

    /// <summary>
    /// The functions of a <c>[LambdaFunction]</c> method with its attribute's constants first; when no file declares its
    /// function, the attribute's own, if it gives a limit.
    /// </summary>
    private ImmutableArray<FunctionLimits> WithAttribute(IMethodSymbol method, List<FunctionLimits> functions)
    {
        int? timeout = null;
        int? memory = null;
        string? resourceName = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!attribute.AttributeClass.IsType(_symbols.LambdaFunctionAttribute))
            {
                continue;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Timeout":
                        timeout = PositiveInteger(argument.Value);
                        break;
                    case "MemorySize":
                        memory = PositiveInteger(argument.Value);
                        break;
                    case "ResourceName" when argument.Value.Value is string { Length: > 0 } name:
                        resourceName = name;
                        break;
                }
            }
        }

        if (functions.Count == 0)
        {
            return timeout is null && memory is null
                ? ImmutableArray<FunctionLimits>.Empty
                : ImmutableArray.Create(new FunctionLimits(
                    resourceName ?? method.ContainingType.Name + method.Name, FunctionLimitsSource.Attribute, handler: null, timeout, memory, ephemeralStorageMegabytes: null));
        }

        var merged = ImmutableArray.CreateBuilder<FunctionLimits>(functions.Count);
        foreach (var function in functions)
        {
            merged.Add(function.WithAttributeValues(timeout, memory));
        }

        return merged.MoveToImmutable();
    }

    /// <summary>An attribute's unsigned or signed integer constant; 0, Annotations' "not set", is none.</summary>
    private static int? PositiveInteger(TypedConstant constant) => constant.Value switch
    {
        uint value when value is > 0 and <= int.MaxValue => (int)value,
        int value when value > 0 => value,
        _ => null,
    };

    /// <summary>
    /// The methods of this assembly the handler strings naming a method of this name lead to, each with its function:
    /// the method the runtime calls, and, for an Annotations wrapper (<c>Ns.Class_Method_Generated</c>), the
    /// <c>[LambdaFunction]</c> method it wraps.
    /// </summary>
    private ImmutableArray<(IMethodSymbol Method, FunctionLimits Function)> Resolve(string methodName)
    {
        if (_resolved.TryGetValue(methodName, out var resolved))
        {
            return resolved;
        }

        var methods = ImmutableArray.CreateBuilder<(IMethodSymbol, FunctionLimits)>();
        foreach (var (handler, function) in _byMethodName[methodName])
        {
            if (HandlerStringCheck.FindMethod(handler, _types, _assembly.Name) is { } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly))
            {
                methods.Add((method.OriginalDefinition, function));
            }

            var suffix = "_" + methodName + "_Generated";
            if (handler.Type.EndsWith(suffix, StringComparison.Ordinal)
                && _types.Find(handler.Type.Substring(0, handler.Type.Length - suffix.Length), _assembly.Name) is { } wrapped)
            {
                foreach (var member in wrapped.GetMembers(methodName))
                {
                    if (member is IMethodSymbol candidate && HandlerDiscovery.IsLambdaFunction(candidate, _symbols))
                    {
                        methods.Add((candidate.OriginalDefinition, function));
                    }
                }
            }
        }

        return _resolved.GetOrAdd(methodName, methods.ToImmutable());
    }

    /// <summary>
    /// Whether a function without a class-library handler string is deployed from the project folder: a template's
    /// <c>CodeUri</c> resolved against the template's folder, or an <c>aws-lambda-tools-defaults.json</c> in it.
    /// </summary>
    private static bool IsOfProjectFolder(FunctionLimits function, string filePath, string? projectDirectory)
    {
        if (projectDirectory is null || ProjectPath.DirectoryOf(filePath) is not { } folder)
        {
            return false;
        }

        var deployed = function.Source == FunctionLimitsSource.ToolsDefaults ? folder
            : function.CodeUri is { } codeUri ? ProjectPath.Combine(folder, codeUri)
            : null;
        return deployed is not null && string.Equals(deployed, projectDirectory, StringComparison.OrdinalIgnoreCase);
    }
}
