using System.Collections.Concurrent;
using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0005: code that runs per invocation writes invocation data into a static member or into a member of the handler
/// instance the runtime reuses, or grows a collection held there: the data outlives the invocation and leaks into
/// later ones, which may serve other users.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvocationDataKeptAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Do not keep invocation data in long-lived state";
    private const string Description =
        "Lambda creates the handler's class once per execution environment and invokes it many times, for many users; static members live as " +
        "long. A value of one invocation written into a static member or a member of the reused handler instance is still there in the next " +
        "invocation, and a collection held there that every invocation adds to grows without bound. Keep invocation data in locals and " +
        "parameters, or in a store such as DynamoDB.";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InvocationDataKept,
        Title,
        "'{0}' is written on every invocation and kept by the reused handler instance; it leaks into later invocations",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvocationDataKept));

    internal static readonly DiagnosticDescriptor StaticRule = new(
        RuleIdentifiers.InvocationDataKept,
        Title,
        "'{0}' is static and written on every invocation; it outlives the invocation and leaks into later ones",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvocationDataKept));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule, StaticRule);

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

            var state = new CompilationState(model);
            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (model.GetInvocationScope(blockContext) is not { } scope)
                {
                    return;
                }

                var tree = blockContext.OperationBlocks[0].Syntax.SyntaxTree;
                var intentional = state.ResolveIntentional(LambdaOptions.IntentionalMembers(blockContext.Options, tree));
                var analyzer = new BlockAnalyzer(state, scope, blockContext.OwningSymbol, intentional);
                blockContext.RegisterOperationAction(analyzer.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
                blockContext.RegisterOperationAction(analyzer.AnalyzeDeconstruction, OperationKind.DeconstructionAssignment);
                blockContext.RegisterOperationAction(analyzer.AnalyzeArgument, OperationKind.Argument);
                blockContext.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            });
        });
    }

    /// <summary>The symbols the rule needs, resolved once per compilation, and caches shared by its blocks.</summary>
    private sealed class CompilationState
    {
        private readonly ConcurrentDictionary<IPropertySymbol, bool> _autoProperties = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> _intentional = new();

        public CompilationState(LambdaModel model)
        {
            Model = model;
            var compilation = model.Compilation;
            Assembly = compilation.Assembly;
            ThreadStatic = compilation.GetTypeByMetadataName("System.ThreadStaticAttribute");
            Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
            LazyInitializer = compilation.GetTypeByMetadataName("System.Threading.LazyInitializer");
            Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
            Dictionaries = ImmutableArray.CreateRange(new[]
            {
                compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2"),
                compilation.GetTypeByMetadataName("System.Collections.IDictionary"),
            });
        }

        public LambdaModel Model { get; }

        public IAssemblySymbol Assembly { get; }

        public INamedTypeSymbol? ThreadStatic { get; }

        public INamedTypeSymbol? Interlocked { get; }

        public INamedTypeSymbol? LazyInitializer { get; }

        public INamedTypeSymbol Enumerable { get; }

        public ImmutableArray<INamedTypeSymbol?> Dictionaries { get; }

        public bool IsReusedHandlerInstance(INamedTypeSymbol type) => Model.Handlers.IsReusedHandlerInstance(type);

        /// <summary>A property whose accessors the compiler writes: it has a backing field, so a write stores the value.</summary>
        public bool IsAutoProperty(IPropertySymbol property) =>
            _autoProperties.GetOrAdd(property.OriginalDefinition, static p =>
            {
                foreach (var member in p.ContainingType.GetMembers())
                {
                    if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, p))
                    {
                        return true;
                    }
                }

                return false;
            });

        public bool IsDeclaredInSource(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly);

        public bool IsCollection(ITypeSymbol? type) => type is not null && (type.SpecialType == SpecialType.System_Collections_IEnumerable || Implements(type, Enumerable));

        public bool IsDictionary(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var dictionary in Dictionaries)
            {
                if (type.IsType(dictionary) || Implements(type, dictionary))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The members named by the documentation-comment IDs of the option value (<c>F:Ns.Function._lastUser|T:Ns.State</c>),
        /// resolved once per distinct value; unknown IDs are ignored.
        /// </summary>
        public ImmutableHashSet<ISymbol> ResolveIntentional(string? value)
        {
            if (value is null)
            {
                return ImmutableHashSet<ISymbol>.Empty;
            }

            return _intentional.GetOrAdd(value, key =>
            {
                var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var id in key.Split('|'))
                {
                    var trimmed = id.Trim();
                    if (trimmed.Length == 0)
                    {
                        continue;
                    }

                    foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(trimmed, Model.Compilation))
                    {
                        if (symbol is IFieldSymbol or IPropertySymbol or INamedTypeSymbol)
                        {
                            builder.Add(symbol.OriginalDefinition);
                        }
                    }
                }

                return builder.ToImmutable();
            });
        }

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface)
        {
            if (@interface is null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.IsType(@interface))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A long-lived member as written: <c>s_processed</c>, <c>_lastUser</c>, a captured primary-constructor parameter, or
    /// a field or auto-property of an object read from one of those (<c>_state.LastUser</c>).
    /// </summary>
    private readonly struct Holder(IOperation reference, ISymbol root, ISymbol? nested, bool isStatic)
    {
        /// <summary>The member reference the diagnostic is reported on.</summary>
        public IOperation Reference { get; } = reference;

        public ISymbol Root { get; } = root;

        public ISymbol? Nested { get; } = nested;

        public bool IsStatic { get; } = isStatic;

        public string Name => Nested is null ? Root.Name : Root.Name + "." + Nested.Name;

        public bool IsSame(Holder other) =>
            SymbolEqualityComparer.Default.Equals(Root, other.Root) && SymbolEqualityComparer.Default.Equals(Nested, other.Nested);
    }

    private sealed class BlockAnalyzer(CompilationState state, InvocationScope scope, ISymbol owningSymbol, ImmutableHashSet<ISymbol> intentional)
    {
        private static readonly ImmutableHashSet<string> s_growingMethods = ImmutableHashSet.Create(
            "Add", "AddRange", "Insert", "Enqueue", "Push", "TryAdd", "AddOrUpdate");

        private static readonly ImmutableHashSet<string> s_lookupMethods = ImmutableHashSet.Create(
            "TryGetValue", "ContainsKey", "GetValueOrDefault");

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            AnalyzeWrite(context, assignment, assignment.Target, assignment.Value, isCompound: assignment is ICompoundAssignmentOperation);
        }

        public void AnalyzeDeconstruction(OperationAnalysisContext context)
        {
            var deconstruction = (IDeconstructionAssignmentOperation)context.Operation;
            AnalyzeDeconstructedPart(context, deconstruction, deconstruction.Target, deconstruction.Value);
        }

        /// <summary>A <c>ref</c> or <c>out</c> argument stores what the callee computes from the other arguments.</summary>
        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter?.RefKind is not (RefKind.Ref or RefKind.Out))
            {
                return;
            }

            IOperation? instance;
            ImmutableArray<IArgumentOperation> arguments;
            switch (argument.Parent)
            {
                case IInvocationOperation invocation:
                    // Interlocked.* and LazyInitializer are atomic updates and one-time initialization.
                    var type = invocation.TargetMethod.ContainingType;
                    if (type.IsType(state.Interlocked) || type.IsType(state.LazyInitializer))
                    {
                        return;
                    }

                    instance = invocation.Instance;
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    instance = null;
                    arguments = creation.Arguments;
                    break;
                default:
                    return;
            }

            if (!TryGetWrittenHolder(argument.Value, out var holder, out _) || !IsPerInvocation(argument))
            {
                return;
            }

            var depends = instance is not null && scope.DependsOnInvocation(instance, unknownDepends: false);
            foreach (var other in arguments)
            {
                depends = depends || (other != argument && scope.DependsOnInvocation(other.Value, unknownDepends: false));
            }

            if (depends && !state.Model.OneTimeInitialization.IsGuarded(argument.Value, out _))
            {
                Report(context, holder);
            }
        }

        /// <summary><c>Add</c>, <c>Enqueue</c>, ... on a collection held in a long-lived member: it grows on every invocation.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!s_growingMethods.Contains(method.Name))
            {
                return;
            }

            var receiver = invocation.Instance;
            var keyIndex = 0;
            if (receiver is null && method.IsExtensionMethod && !invocation.Arguments.IsEmpty)
            {
                receiver = invocation.Arguments[0].Value;
                keyIndex = 1;
            }

            if (receiver is null
                || !TryGetHolder(receiver, out var holder)
                || !state.IsCollection(Unwrap(receiver).Type)
                // ImmutableList<T>.Add and the like return a new collection and leave the held one as it was.
                || SymbolEqualityComparer.Default.Equals(invocation.Type, Unwrap(receiver).Type)
                || !IsPerInvocation(invocation))
            {
                return;
            }

            if (method.Name is "Add" or "TryAdd" or "AddOrUpdate"
                && invocation.Arguments.Length > keyIndex
                && IsCacheAside(holder, Unwrap(receiver).Type, invocation, invocation.Arguments[keyIndex].Value))
            {
                return;
            }

            if (!state.Model.OneTimeInitialization.IsGuarded(invocation, out _))
            {
                Report(context, holder);
            }
        }

        private void AnalyzeDeconstructedPart(OperationAnalysisContext context, IOperation root, IOperation target, IOperation value)
        {
            if (target is ITupleOperation targets)
            {
                var values = Unwrap(value) as ITupleOperation;
                for (var i = 0; i < targets.Elements.Length; i++)
                {
                    var part = values is not null && values.Elements.Length == targets.Elements.Length ? values.Elements[i] : value;
                    AnalyzeDeconstructedPart(context, root, targets.Elements[i], part);
                }

                return;
            }

            if (TryGetHolder(target, out var holder) && IsPerInvocation(root) && scope.DependsOnInvocation(value, unknownDepends: false))
            {
                Report(context, holder);
            }
        }

        private void AnalyzeWrite(OperationAnalysisContext context, IOperation write, IOperation target, IOperation value, bool isCompound)
        {
            if (!TryGetWrittenHolder(target, out var holder, out var indexer) || !IsPerInvocation(write))
            {
                return;
            }

            // A dictionary written through its indexer keeps one entry per key: it grows when the key varies. (A list or
            // array element write replaces an element: only the value matters.)
            var collectionType = indexer?.Instance is { } collection ? Unwrap(collection).Type : null;
            if (indexer is not null && !isCompound && state.IsDictionary(collectionType))
            {
                if (IsCacheAside(holder, collectionType, write, indexer.Arguments.IsEmpty ? null : indexer.Arguments[0].Value))
                {
                    return;
                }

                if (!HasVaryingIndex(indexer) && !scope.DependsOnInvocation(value, unknownDepends: false))
                {
                    return;
                }
            }
            else if (!scope.DependsOnInvocation(value, unknownDepends: false))
            {
                // Constants, counters (+= 1) and values that do not come from the invocation (DateTime.UtcNow).
                return;
            }

            if (state.Model.OneTimeInitialization.IsGuarded(value, out _)
                || (ReferenceEquals(holder.Reference, Unwrap(target)) && IsRefreshOfCachedValue(write, holder)))
            {
                return;
            }

            Report(context, holder);
        }

        /// <summary>
        /// A one-slot cache: the member is overwritten in a branch of an <c>if</c> or <c>?:</c> whose condition reads it,
        /// directly or through a local initialized from it (<c>var cached = s_rates; ... cached.Base == currency ? cached : (s_rates = Fetch(currency))</c>).
        /// </summary>
        private bool IsRefreshOfCachedValue(IOperation write, Holder holder)
        {
            var current = write;
            for (var parent = write.Parent; parent is not null; current = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != current && ReadsHolder(conditional.Condition, holder):
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                        return false;
                }
            }

            return false;
        }

        private bool ReadsHolder(IOperation condition, Holder holder)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                var read = operation is ILocalReferenceOperation local && scope.Locals.GetSingleAssignment(local.Local) is { } initializer
                    ? Unwrap(initializer)
                    : operation;
                if (read is IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation
                    && TryGetHolder(read, out var other) && other.IsSame(holder))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The long-lived member a write target stores into: the member itself, or the array or collection whose element
        /// it writes (<paramref name="indexer"/> is then the indexer reference, when it is one).
        /// </summary>
        private bool TryGetWrittenHolder(IOperation target, out Holder holder, out IPropertyReferenceOperation? indexer)
        {
            indexer = null;
            target = Unwrap(target);
            switch (target)
            {
                case IArrayElementReferenceOperation element:
                    return TryGetHolder(element.ArrayReference, out holder);

                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } property:
                    indexer = property;
                    return TryGetHolder(instance, out holder);

                default:
                    return TryGetHolder(target, out holder);
            }
        }

        private bool TryGetHolder(IOperation operation, out Holder holder)
        {
            holder = default;
            operation = Unwrap(operation);
            if (!TryGetMember(operation, out var member, out var instance))
            {
                return false;
            }

            if (IsLongLivedRoot(member!, instance, out var isStatic))
            {
                holder = new Holder(operation, member!, null, isStatic);
                return !IsIntentional(member!);
            }

            // One level deep: a field or auto-property of an object held in a long-lived member (_state.LastUser).
            if (instance is null
                || member!.IsStatic
                || !state.IsDeclaredInSource(member)
                || !TryGetMember(Unwrap(instance), out var outer, out var outerInstance)
                || !IsLongLivedRoot(outer!, outerInstance, out isStatic))
            {
                return false;
            }

            holder = new Holder(operation, outer!, member, isStatic);
            return !IsIntentional(outer!) && !IsIntentional(member);
        }

        /// <summary>A field, an auto-property (both in source), or a captured primary-constructor parameter.</summary>
        private bool TryGetMember(IOperation operation, out ISymbol? member, out IOperation? instance)
        {
            switch (operation)
            {
                case IFieldReferenceOperation { Field: { IsConst: false } field } reference:
                    member = field;
                    instance = reference.Instance;
                    return true;

                case IPropertyReferenceOperation { Property: { IsIndexer: false } property } reference when state.IsDeclaredInSource(property) && state.IsAutoProperty(property):
                    member = property;
                    instance = reference.Instance;
                    return true;

                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
                    when !SymbolEqualityComparer.Default.Equals(constructor, owningSymbol):
                    // A constructor parameter used outside its constructor is a primary-constructor parameter the class captures.
                    member = parameter;
                    instance = null;
                    return true;

                default:
                    member = null;
                    instance = null;
                    return false;
            }
        }

        private bool IsLongLivedRoot(ISymbol member, IOperation? instance, out bool isStatic)
        {
            isStatic = false;
            if (member is IParameterSymbol { ContainingSymbol.ContainingType: { } parameterOwner })
            {
                return state.IsDeclaredInSource(parameterOwner) && state.IsReusedHandlerInstance(parameterOwner);
            }

            if (!state.IsDeclaredInSource(member))
            {
                // Statics of referenced assemblies (AWSConfigs.*, JsonConvert.DefaultSettings) are library configuration.
                return false;
            }

            if (member.IsStatic)
            {
                isStatic = true;
                return !IsThreadStatic(member);
            }

            return instance is not null
                && Unwrap(instance) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, Type: INamedTypeSymbol type }
                && state.IsReusedHandlerInstance(type);
        }

        private bool IsThreadStatic(ISymbol member)
        {
            if (member is not IFieldSymbol field || state.ThreadStatic is null)
            {
                return false;
            }

            foreach (var attribute in field.GetAttributes())
            {
                if (attribute.AttributeClass.IsType(state.ThreadStatic))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsIntentional(ISymbol member) =>
            !intentional.IsEmpty
            && (intentional.Contains(member.OriginalDefinition)
                || (member.ContainingType is { } type && intentional.Contains(type.OriginalDefinition)));

        /// <summary>Per-invocation code; the model leaves out the SnapStart callbacks, which run when a snapshot is restored.</summary>
        private bool IsPerInvocation(IOperation operation) => scope.Contains(operation);

        private static bool HasVaryingIndex(IPropertyReferenceOperation indexer)
        {
            foreach (var argument in indexer.Arguments)
            {
                if (!argument.Value.ConstantValue.HasValue)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The cache-aside shape: the same body has already looked the key up in the same dictionary (<c>TryGetValue</c>,
        /// <c>ContainsKey</c>, an indexer read) before writing it.
        /// </summary>
        private bool IsCacheAside(Holder holder, ITypeSymbol? dictionaryType, IOperation write, IOperation? key)
        {
            if (key is null || !state.IsDictionary(dictionaryType) || scope.GetRoot(write) is not { } root)
            {
                return false;
            }

            // Before the write, or in its own value (d[k] = d[k] + 1); the written indexer itself is not a lookup.
            var writeEnd = write.Syntax.Span.End;
            foreach (var operation in root.Descendants())
            {
                if (operation.Syntax.SpanStart >= writeEnd)
                {
                    continue;
                }

                IOperation? receiver;
                IOperation? lookedUp;
                switch (operation)
                {
                    case IInvocationOperation invocation when s_lookupMethods.Contains(invocation.TargetMethod.Name):
                        var keyIndex = invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
                        receiver = keyIndex == 1 ? invocation.Arguments[0].Value : invocation.Instance;
                        lookedUp = invocation.Arguments.Length > keyIndex ? invocation.Arguments[keyIndex].Value : null;
                        break;

                    case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: > 0 } read
                        when !(read.Parent is ISimpleAssignmentOperation assignment && assignment.Target == read):
                        receiver = read.Instance;
                        lookedUp = read.Arguments[0].Value;
                        break;

                    default:
                        continue;
                }

                if (receiver is not null && lookedUp is not null
                    && TryGetHolder(receiver, out var other) && other.IsSame(holder)
                    && AreSameKey(lookedUp, key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AreSameKey(IOperation left, IOperation right)
        {
            left = Unwrap(left);
            right = Unwrap(right);
            if (left.ConstantValue.HasValue || right.ConstantValue.HasValue)
            {
                return left.ConstantValue.HasValue && right.ConstantValue.HasValue && Equals(left.ConstantValue.Value, right.ConstantValue.Value);
            }

            return SyntaxFactory.AreEquivalent(left.Syntax, right.Syntax);
        }

        private void Report(OperationAnalysisContext context, Holder holder) =>
            context.ReportDiagnostic(Diagnostic.Create(holder.IsStatic ? StaticRule : Rule, holder.Reference.Syntax.GetLocation(), holder.Name));

        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
