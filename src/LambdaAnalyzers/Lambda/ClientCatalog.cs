using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The clients that are expensive to create and safe to share across invocations: AWS SDK clients, HttpClient and
/// its handlers, DynamoDBContext, TransferUtility, and the database and cache clients of referenced libraries, plus
/// the types and factories a user adds through options. Resolved once per compilation.
/// </summary>
internal sealed class ClientCatalog
{
    private readonly INamedTypeSymbol? _amazonServiceClient;
    private readonly INamedTypeSymbol? _dynamoDbContext;
    private readonly INamedTypeSymbol? _transferUtility;
    private readonly INamedTypeSymbol? _amazonS3;
    private readonly INamedTypeSymbol? _mongoClient;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly Dictionary<IMethodSymbol, INamedTypeSymbol?> _factories = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ClientKind> _kinds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> _configured = new();
    private readonly Compilation _compilation;

    public ClientCatalog(Compilation compilation)
    {
        _compilation = compilation;
        var types = KnownTypes.Get(compilation);
        _amazonServiceClient = types.Find(KnownTypeNames.AmazonRuntimeAmazonServiceClient, KnownTypeNames.AwsSdkCoreAssemblyName);
        _dynamoDbContext = types.Find(KnownTypeNames.AmazonDynamoDBv2DataModelDynamoDBContext, KnownTypeNames.AwsSdkDynamoDBv2AssemblyName);
        _transferUtility = types.Find(KnownTypeNames.AmazonS3TransferTransferUtility, KnownTypeNames.AwsSdkS3AssemblyName);
        _amazonS3 = types.Find(KnownTypeNames.AmazonS3IAmazonS3, KnownTypeNames.AwsSdkS3AssemblyName);
        _mongoClient = types.Find(KnownTypeNames.MongoDBDriverMongoClient, KnownTypeNames.MongoDBDriverAssemblyName);
        HttpClient = types.Find(KnownTypeNames.SystemNetHttpHttpClient);
        HttpMessageHandler = types.Find(KnownTypeNames.SystemNetHttpHttpMessageHandler);
        SocketsHttpHandler = types.Find(KnownTypeNames.SystemNetHttpSocketsHttpHandler);
        HttpClientHandler = types.Find(KnownTypeNames.SystemNetHttpHttpClientHandler);
        _task = types.Find(KnownTypeNames.SystemThreadingTasksTask1);
        _valueTask = types.Find(KnownTypeNames.SystemThreadingTasksValueTask1);

        AddFactories(types.Find(KnownTypeNames.AmazonDynamoDBv2DataModelDynamoDBContextBuilder, KnownTypeNames.AwsSdkDynamoDBv2AssemblyName), "Build", _dynamoDbContext);
        AddFactories(types.Find(KnownTypeNames.AmazonDynamoDBv2DataModelIDynamoDBContextBuilder, KnownTypeNames.AwsSdkDynamoDBv2AssemblyName), "Build", _dynamoDbContext);
        AddFactories(types.Find(KnownTypeNames.StackExchangeRedisConnectionMultiplexer, KnownTypeNames.StackExchangeRedisAssemblyName), "Connect", null);
        AddFactories(types.Find(KnownTypeNames.StackExchangeRedisConnectionMultiplexer, KnownTypeNames.StackExchangeRedisAssemblyName), "ConnectAsync", null);
        AddFactories(types.Find(KnownTypeNames.NpgsqlNpgsqlDataSource, KnownTypeNames.NpgsqlAssemblyName), "Create", null);
        AddFactories(types.Find(KnownTypeNames.GrpcNetClientGrpcChannel, KnownTypeNames.GrpcNetClientAssemblyName), "ForAddress", null);
    }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? HttpMessageHandler { get; }

    public INamedTypeSymbol? SocketsHttpHandler { get; }

    public INamedTypeSymbol? HttpClientHandler { get; }

    /// <summary>
    /// Whether creating this object creates a client of its own: an SDK client or TransferUtility that makes its own
    /// connection, an HttpClient that does not wrap a shared handler, an HTTP handler not handed to an HttpClient
    /// (that one is judged through the HttpClient), or a type added through options. <paramref name="root"/> is the
    /// per-invocation code around the creation, where a handler kept in a local may be handed on.
    /// </summary>
    public bool IsClientCreation(IObjectCreationOperation creation, IOperation root, ImmutableHashSet<ISymbol> configured)
    {
        if (creation.Type is not { } type || creation.Constructor is not { } constructor)
        {
            return false;
        }

        return Classify(type) switch
        {
            ClientKind.Client => CreatesOwnConnection(constructor),
            ClientKind.HttpClient => !WrapsSharedHandler(creation),
            ClientKind.HttpHandler => !IsHandedToHttpClient(creation, root),
            ClientKind.None => IsConfiguredType(type, configured),
            _ => false,
        };
    }

    /// <summary><c>new HttpClient(handler, disposeHandler: false)</c> over a handler kept in a field or static member.</summary>
    private bool WrapsSharedHandler(IObjectCreationOperation creation)
    {
        IOperation? handler = null;
        IOperation? dispose = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Type is { } parameterType && parameterType.InheritsFromOrEquals(HttpMessageHandler))
            {
                handler = Wrappers.Conversions(argument.Value);
            }
            else if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
            {
                dispose = argument.Value;
            }
        }

        var sharedHandler = handler switch
        {
            IFieldReferenceOperation => true,
            IPropertyReferenceOperation property => property.Property.IsStatic,
            _ => false,
        };
        return sharedHandler && dispose?.ConstantValue is { HasValue: true, Value: false };
    }

    /// <summary>A handler given to an HttpClient made in the same expression, or kept in a local that code in the same root gives to one.</summary>
    private bool IsHandedToHttpClient(IObjectCreationOperation creation, IOperation root)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Type: { } owner } }
            && Classify(owner) == ClientKind.HttpClient)
        {
            return true;
        }

        if (current.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return false;
        }

        foreach (var operation in TreeWalk.Descendants(root))
        {
            if (operation is IArgumentOperation argument
                && Wrappers.Conversions(argument.Value) is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                && argument.Parent is IObjectCreationOperation { Type: { } user }
                && Classify(user) == ClientKind.HttpClient)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What kind of client a created type is, ignoring options.</summary>
    public ClientKind Classify(ITypeSymbol type) => _kinds.GetOrAdd(type, ClassifyCore);

    /// <summary>
    /// Whether a constructor of a client makes an expensive object: <c>new TransferUtility(existingClient)</c> only
    /// wraps a client it is given.
    /// </summary>
    public bool CreatesOwnConnection(IMethodSymbol constructor)
    {
        if (!constructor.ContainingType.InheritsFromOrEquals(_transferUtility))
        {
            return true;
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Type.IsType(_amazonS3) || ImplementsInterface(parameter.Type, _amazonS3))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a method is a known client factory; <paramref name="created"/> names what it creates (its return
    /// type, unwrapped from <c>Task&lt;T&gt;</c>, unless the catalog knows better).
    /// </summary>
    public bool IsFactory(IMethodSymbol method, ImmutableHashSet<ISymbol> configured, out ITypeSymbol? created)
    {
        created = null;
        var definition = method.OriginalDefinition;
        if (_factories.TryGetValue(definition, out var known))
        {
            created = known ?? Unwrap(method.ReturnType);
            return true;
        }

        if (!configured.IsEmpty && configured.Contains(definition))
        {
            created = Unwrap(method.ReturnType);
            return true;
        }

        return false;
    }

    /// <summary>Whether a type is, or derives from, a type the user configured as a client.</summary>
    public static bool IsConfiguredType(ITypeSymbol type, ImmutableHashSet<ISymbol> configured)
    {
        if (configured.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (configured.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The symbols named by the documentation-comment IDs of option values (<c>T:Ns.Type|M:Ns.Type.Create(System.String)</c>),
    /// resolved once per distinct value; unknown IDs are ignored.
    /// </summary>
    public ImmutableHashSet<ISymbol> ResolveConfigured(string? types, string? factories)
    {
        if (types is null && factories is null)
        {
            return ImmutableHashSet<ISymbol>.Empty;
        }

        return _configured.GetOrAdd(types + "\n" + factories, key =>
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var id in key.Split('|', '\n'))
            {
                var trimmed = id.Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(trimmed, _compilation))
                {
                    if (symbol is INamedTypeSymbol or IMethodSymbol)
                    {
                        builder.Add(symbol.OriginalDefinition);
                    }
                }
            }

            return builder.ToImmutable();
        });
    }

    private static bool ImplementsInterface(ITypeSymbol type, INamedTypeSymbol? @interface)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.IsType(@interface))
            {
                return true;
            }
        }

        return false;
    }

    private ClientKind ClassifyCore(ITypeSymbol type)
    {
        if (type.InheritsFromOrEquals(_amazonServiceClient)
            || type.InheritsFromOrEquals(_dynamoDbContext)
            || type.InheritsFromOrEquals(_transferUtility)
            || type.InheritsFromOrEquals(_mongoClient))
        {
            return ClientKind.Client;
        }

        if (type.InheritsFromOrEquals(HttpClient))
        {
            return ClientKind.HttpClient;
        }

        if (type.InheritsFromOrEquals(SocketsHttpHandler) || type.InheritsFromOrEquals(HttpClientHandler))
        {
            return ClientKind.HttpHandler;
        }

        return ClientKind.None;
    }

    private ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && (named.OriginalDefinition.IsType(_task) || named.OriginalDefinition.IsType(_valueTask))
            ? named.TypeArguments[0]
            : type;

    private void AddFactories(INamedTypeSymbol? type, string name, INamedTypeSymbol? created)
    {
        if (type is null)
        {
            return;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method)
            {
                _factories[method.OriginalDefinition] = created;
            }
        }
    }
}

internal enum ClientKind
{
    None,
    Client,
    HttpClient,
    HttpHandler,
}
