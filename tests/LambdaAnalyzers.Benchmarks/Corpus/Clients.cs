namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>A client the generated handlers use: how to create it, store it and call it.</summary>
internal sealed class ClientSpec
{
    public required string Name { get; init; }

    /// <summary>The declared type of a field or local holding it.</summary>
    public required string FieldType { get; init; }

    /// <summary>Creations that do not depend on the invocation.</summary>
    public required IReadOnlyList<string> Creations { get; init; }

    public bool Disposable { get; init; } = true;

    /// <summary>(client, key, body, suffix) to the statement that uses the client.</summary>
    public required Func<string, string, string, int, string> Use { get; init; }

    /// <summary>A creation built from a per-invocation value (credentials, endpoint), or null when unusual for this client.</summary>
    public Func<string, string>? PerRequest { get; init; }

    public bool IsHttpClient { get; init; }

    public static IReadOnlyList<ClientSpec> All { get; } =
    [
        new()
        {
            Name = "s3",
            FieldType = "IAmazonS3",
            Creations = ["new AmazonS3Client()", "new AmazonS3Client(RegionEndpoint.EUWest1)", "new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true })"],
            Use = (client, key, body, _) => $"await {client}.PutObjectAsync(new PutObjectRequest {{ BucketName = \"contoso-archive\", Key = {key}, ContentBody = {body} }});",
            PerRequest = tenant => $"new AmazonS3Client(new AmazonS3Config {{ ServiceURL = \"https://\" + {tenant} + \".s3.example.com\" }})",
        },
        new()
        {
            Name = "dynamo",
            FieldType = "IAmazonDynamoDB",
            Creations = ["new AmazonDynamoDBClient()", "new AmazonDynamoDBClient(RegionEndpoint.USEast1)"],
            Use = (client, key, body, _) => $$"""
                await {{client}}.PutItemAsync(new PutItemRequest
                {
                    TableName = "contoso-events",
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["pk"] = new AttributeValue { S = {{key}} },
                        ["payload"] = new AttributeValue { S = {{body}} },
                    },
                });
                """,
            PerRequest = tenant => $"new AmazonDynamoDBClient(new BasicAWSCredentials({tenant}, \"per-tenant-secret\"), RegionEndpoint.EUWest1)",
        },
        new()
        {
            Name = "sqs",
            FieldType = "IAmazonSQS",
            Creations = ["new AmazonSQSClient()", "new AmazonSQSClient(RegionEndpoint.EUCentral1)"],
            Use = (client, _, body, _) => $"await {client}.SendMessageAsync(new SendMessageRequest {{ QueueUrl = \"https://sqs.eu-west-1.amazonaws.com/123456789012/contoso-outbox\", MessageBody = {body} }});",
            PerRequest = tenant => $"new AmazonSQSClient(new AmazonSQSConfig {{ ServiceURL = \"https://\" + {tenant} + \".sqs.example.com\" }})",
        },
        new()
        {
            Name = "http",
            FieldType = "HttpClient",
            IsHttpClient = true,
            Creations = ["new HttpClient()", "new HttpClient { Timeout = TimeSpan.FromSeconds(10) }", "new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })"],
            Use = (client, _, body, suffix) => $$"""
                using (var hook{{suffix}} = await {{client}}.PostAsync("https://hooks.example.com/ingest", new StringContent({{body}}, Encoding.UTF8, "application/json")))
                {
                    hook{{suffix}}.EnsureSuccessStatusCode();
                }
                """,
            PerRequest = tenant => $"new HttpClient {{ BaseAddress = new Uri(\"https://\" + {tenant} + \".api.example.com/\") }}",
        },
        new()
        {
            Name = "db",
            FieldType = "IDynamoDBContext",
            Creations = ["new DynamoDBContextBuilder().WithDynamoDBClient(() => SharedClients.Dynamo).Build()", "new DynamoDBContextBuilder().Build()"],
            Use = (client, key, body, _) => $"await {client}.SaveAsync(new EventItem {{ Id = {key}, Payload = {body} }});",
        },
        new()
        {
            Name = "transfer",
            FieldType = "ITransferUtility",
            Creations = ["new TransferUtility()", "new TransferUtility(RegionEndpoint.USWest2)"],
            Use = (client, key, body, _) => $"await {client}.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes({body})), \"contoso-uploads\", {key});",
            PerRequest = tenant => $"new TransferUtility(new AmazonS3Client(new AmazonS3Config {{ ServiceURL = \"https://\" + {tenant} + \".s3.example.com\" }}))",
        },
    ];
}

/// <summary>How a handler gets its client: the first four create it on every invocation.</summary>
internal enum Access
{
    // Reported: created per invocation.
    Local,
    UsingLocal,
    Inline,
    FieldOverwrite,

    // Not reported.
    StaticReadonly,
    Coalesce,
    NullGuard,
    LazyField,
    PerRequest,
    Injected,
    SharedHandler,
    Captured,
}

/// <summary>Where a per-invocation root sits, which decides the ways it can get a client.</summary>
internal sealed record RootShape(bool InstanceMembers, bool CanInject, bool IsNestedLambda);

/// <summary>The code that gives one handler root its client.</summary>
internal sealed class ClientAccess
{
    public List<string> Members { get; } = [];

    /// <summary>Statements before the handler lambda in the enclosing method (init code).</summary>
    public List<string> Outer { get; } = [];

    /// <summary>Statements in the handler before the call.</summary>
    public List<string> Inner { get; } = [];

    /// <summary>The parameter and assignment a constructor takes for <see cref="Access.Injected"/>.</summary>
    public (string Parameter, string Field)? Injection { get; private set; }

    public required string Expression { get; set; }

    public required Access Access { get; init; }

    public required ClientSpec Client { get; init; }

    public bool IsViolation => Access is Access.Local or Access.UsingLocal or Access.Inline or Access.FieldOverwrite;

    /// <summary>Picks a client and a way to get it; about one root in three creates its client per invocation.</summary>
    public static ClientAccess Choose(Random random, RootShape shape, int suffix, string tenantSource)
    {
        var client = ClientSpec.All[random.Next(ClientSpec.All.Count)];
        var creation = client.Creations[random.Next(client.Creations.Count)];
        var violation = random.Next(3) == 0;

        var modes = new List<Access>();
        if (violation)
        {
            modes.AddRange([Access.Local, Access.Inline, Access.FieldOverwrite]);
            if (client.Disposable)
            {
                modes.Add(Access.UsingLocal);
            }
        }
        else
        {
            modes.AddRange([Access.StaticReadonly, Access.Coalesce, Access.NullGuard, Access.LazyField]);
            if (client.PerRequest is not null)
            {
                modes.Add(Access.PerRequest);
            }

            if (shape.CanInject)
            {
                modes.Add(Access.Injected);
            }

            if (client.IsHttpClient)
            {
                modes.Add(Access.SharedHandler);
            }

            if (shape.IsNestedLambda)
            {
                modes.Add(Access.Captured);
                modes.Add(Access.Captured);
            }
        }

        var access = modes[random.Next(modes.Count)];
        var local = $"{client.Name}{suffix}";
        var staticField = $"s_{client.Name}{suffix}";
        var result = new ClientAccess { Access = access, Client = client, Expression = local };
        switch (access)
        {
            case Access.Local:
                result.Inner.Add($"var {local} = {creation};");
                break;
            case Access.UsingLocal:
                result.Inner.Add($"using var {local} = {creation};");
                break;
            case Access.Inline:
                result.Expression = $"({creation})";
                break;
            case Access.FieldOverwrite:
                var field = shape.InstanceMembers && !shape.IsNestedLambda ? $"_{client.Name}{suffix}" : staticField;
                result.Members.Add($"private {(field == staticField ? "static " : string.Empty)}{client.FieldType}? {field};");
                result.Inner.Add($"{field} = {creation};");
                result.Expression = field;
                break;
            case Access.StaticReadonly:
                result.Members.Add($"private static readonly {client.FieldType} {staticField} = {creation};");
                result.Expression = staticField;
                break;
            case Access.Coalesce:
                result.Members.Add($"private static {client.FieldType}? {staticField};");
                result.Inner.Add($"var {local} = {staticField} ??= {creation};");
                break;
            case Access.NullGuard:
                result.Members.Add($"private static {client.FieldType}? {staticField};");
                result.Inner.Add($"if ({staticField} is null)\n{{\n    {staticField} = {creation};\n}}\n");
                result.Expression = staticField;
                break;
            case Access.LazyField:
                result.Members.Add($"private static readonly Lazy<{client.FieldType}> {staticField} = new(() => {creation});");
                result.Expression = staticField + ".Value";
                break;
            case Access.PerRequest:
                result.Inner.Add($"var tenant{suffix} = {tenantSource};");
                result.Inner.Add($"{(client.Disposable ? "using " : string.Empty)}var {local} = {client.PerRequest!("tenant" + suffix)};");
                break;
            case Access.Injected:
                var injected = $"_{client.Name}{suffix}";
                result.Members.Add($"private readonly {client.FieldType} {injected};");
                result.Injection = ($"{client.FieldType} {local}", $"{injected} = {local};");
                result.Expression = injected;
                break;
            case Access.SharedHandler:
                result.Members.Add($"private static readonly SocketsHttpHandler s_handler{suffix} = new() {{ PooledConnectionLifetime = TimeSpan.FromMinutes(2) }};");
                result.Inner.Add($"using var {local} = new HttpClient(s_handler{suffix}, disposeHandler: false);");
                break;
            case Access.Captured:
                result.Outer.Add($"var {local} = {creation};");
                break;
        }

        if (access == Access.Injected)
        {
            result.InjectedCreation = creation;
        }

        return result;
    }

    /// <summary>What the parameterless constructor passes for an injected client.</summary>
    public string? InjectedCreation { get; private set; }

    /// <summary>Other per-invocation mistakes in the same root: blocking on a task, or leaving one running.</summary>
    public Func<string, IEnumerable<string>>? Pitfall { get; set; }

    /// <summary>The statements that use the client in the handler.</summary>
    public IEnumerable<string> Statements(string key, string body, int suffix)
    {
        foreach (var statement in Inner)
        {
            yield return statement;
        }

        yield return Client.Use(Expression, key, body, suffix);
        if (Pitfall is not null)
        {
            foreach (var statement in Pitfall(key))
            {
                yield return statement;
            }
        }
    }
}
