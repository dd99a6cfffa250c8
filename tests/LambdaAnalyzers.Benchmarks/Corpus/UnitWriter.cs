namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Writes one source file: an entity, its helpers and repository, and one handler class of one programming model.
/// Every random choice is made the same way whatever the vocabulary, so both corpora have the same shape.
/// </summary>
internal sealed class UnitWriter
{
    private static readonly string[] s_areas = ["Billing", "Shipping", "Catalog", "Identity", "Payments", "Support", "Marketing", "Inventory", "Analytics", "Scheduling"];

    private static readonly string[] s_entities =
    [
        "Invoice", "Shipment", "Customer", "Payment", "Coupon", "Ticket", "Booking", "Device", "Reading", "Voucher",
        "Parcel", "Refund", "Lead", "Quote", "Claim", "Listing", "Review", "Visit", "Sensor", "Trip",
        "Lesson", "Course", "Donation", "Auction", "Cart", "Recipe", "Article", "Episode", "Playlist", "Album",
    ];

    private readonly Vocabulary _v;
    private readonly Random _random;
    private readonly SourceBuilder _source = new();
    private readonly string _entity;
    private readonly string _support;
    private readonly string _repository;
    private int _suffix;

    public UnitWriter(Vocabulary vocabulary, Random random, int index)
    {
        _v = vocabulary;
        _random = random;
        Index = index;
        Area = s_areas[random.Next(s_areas.Length)];
        _entity = s_entities[random.Next(s_entities.Length)];
        _support = _entity + "Support";
        _repository = _entity + "Repository";
    }

    public int Index { get; }

    public string Area { get; }

    /// <summary>Code that runs per invocation: handler methods and handler lambdas.</summary>
    public int HandlerRoots { get; private set; }

    /// <summary>Roots that create a client per invocation; each should be reported exactly once.</summary>
    public int Violations { get; private set; }

    public int LineCount => _source.LineCount;

    public string Path => $"/src/{Area}/{_entity}{Index:D4}.cs";

    public string Write()
    {
        string[] usings =
        [
            "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Net.Http", "System.Text",
            "System.Text.Json", "System.Threading", "System.Threading.Tasks", "Amazon", "Amazon.DynamoDBv2", "Amazon.DynamoDBv2.DataModel",
            "Amazon.DynamoDBv2.Model", "Amazon.Runtime", "Amazon.S3", "Amazon.S3.Model", "Amazon.S3.Transfer", "Amazon.SQS", "Amazon.SQS.Model",
            .. _v.Usings, "Contoso.Shared",
        ];
        foreach (var name in usings)
        {
            _source.Line($"using {name};");
        }

        _source.Line();
        _source.Line($"namespace Contoso.{Area}.Unit{Index:D4};");
        _source.Line();

        BusinessCode.WriteEntity(_source, _entity);
        BusinessCode.WriteSupport(_source, _random, _support, _entity, _random.Next(6, 15));
        BusinessCode.WriteRepository(_source, _entity, _repository, _entity.ToLowerInvariant() + "s");
        if (_random.Next(2) == 0)
        {
            BusinessCode.WriteExporter(_source, _entity, _entity + "Exporter", _support, Index);
        }

        switch (_random.Next(7))
        {
            case 0: WriteApiFunction(); break;
            case 1: WriteQueueHandler(); break;
            case 2: WriteAnnotationsFunctions(); break;
            case 3: WriteBootstrapProgram(); break;
            case 4: WriteRouter(); break;
            case 5: WriteStorageFunction(); break;
            default: WriteNotificationFunctions(); break;
        }

        // Chosen by the unit's index, not the random sequence, so the other shapes stay where they were.
        if (Index % 4 == 3)
        {
            WriteReplayHandler();
        }

        if (Index % 5 == 2)
        {
            WriteReachedCode();
        }

        return _source.ToString();
    }

    private ClientAccess Choose(RootShape shape, string tenant)
    {
        var access = ClientAccess.Choose(_random, shape, ++_suffix, tenant);
        access.Pitfall = ChoosePitfall(_suffix);
        AddStatePitfall(access, _suffix);
        AddInvokePitfall(access, _suffix);
        AddLongWait(access, _suffix);
        HandlerRoots++;
        if (access.IsViolation)
        {
            Violations++;
        }

        return access;
    }

    /// <summary>
    /// About one root in four blocks on a task (.Result, .Wait(), GetAwaiter().GetResult(), Thread.Sleep) and one in
    /// four leaves work running (a discarded or unused task, Task.Run): the shapes of the package's async rules.
    /// </summary>
    private Func<string, IEnumerable<string>>? ChoosePitfall(int suffix)
    {
        var kind = _random.Next(8);
        var variant = _random.Next(4);
        var support = _support;
        return kind switch
        {
            0 or 1 => variant switch
            {
                0 => key => [$"var size{suffix} = {support}.LookupAsync({key}).Result;"],
                1 => key => [$"var size{suffix} = {support}.LookupAsync({key}).GetAwaiter().GetResult();"],
                2 => _ => [$"{support}.WarmUpAsync().Wait();"],
                _ => _ => ["Thread.Sleep(25);"],
            },
            2 or 3 => variant switch
            {
                0 => key => [$"_ = {support}.LookupAsync({key});"],
                1 => key => [$"_ = Task.Run(() => {support}.Normalize({key}));"],
                2 => _ => [$"{support}.WarmUpAsync();"],
                _ => key => [$"var pending{suffix} = {support}.LookupAsync({key});"],
            },
            _ => null,
        };
    }

    /// <summary>
    /// About one root in five each keeps invocation data in a static member, leaves a file named per invocation in
    /// /tmp, or polls without a deadline: the shapes of the package's state, file and deadline rules.
    /// </summary>
    private void AddStatePitfall(ClientAccess access, int suffix)
    {
        var support = _support;
        Func<string, IEnumerable<string>>? statements = null;
        switch (_random.Next(5))
        {
            case 0 when _random.Next(2) == 0:
                access.Members.Add($"private static string? s_lastKey{suffix};");
                statements = key => [$"s_lastKey{suffix} = {key};"];
                break;
            case 0:
                access.Members.Add($"private static readonly List<string> s_seen{suffix} = new();");
                statements = key => [$"s_seen{suffix}.Add({key});"];
                break;
            case 1:
                statements = key => [$"await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), {key} + \"-\" + Guid.NewGuid().ToString(\"N\") + \".json\"), {key});"];
                break;
            case 2:
                statements = key =>
                [
                    $"var ready{suffix} = false;",
                    $"while (!ready{suffix})",
                    "{",
                    "    await Task.Delay(200);",
                    $"    ready{suffix} = await {support}.LookupAsync({key}) > 3;",
                    "}",
                ];
                break;
        }

        if (statements is not null)
        {
            var first = access.Pitfall;
            access.Pitfall = first is null ? statements : key => first(key).Concat(statements(key));
        }
    }

    /// <summary>
    /// About one root in three invokes the entity's pricing function through AWSSDK.Lambda: synchronously (LMB0014) in
    /// one root in six, through a local whose invocation type is set to "RequestResponse" in one in twelve, queued with
    /// InvocationType.Event in one in twelve (not reported), and itself, queued, in one in twelve (reported as recursion).
    /// Chosen by the unit's index and the root's suffix, not the random sequence, so the other shapes stay where they were.
    /// </summary>
    private void AddInvokePitfall(ClientAccess access, int suffix)
    {
        var function = $"\"price-{_entity.ToLowerInvariant()}\"";
        var lambda = $"s_pricing{suffix}";
        const string request = "Amazon.Lambda.Model.InvokeRequest";
        Func<string, IEnumerable<string>>? statements = (((Index * 7) + suffix) % 12) switch
        {
            0 or 1 => key => [$"await {lambda}.InvokeAsync(new {request} {{ FunctionName = {function}, Payload = {key} }});"],
            2 => key =>
            [
                $"var pricing{suffix} = new {request} {{ FunctionName = {function} }};",
                $"pricing{suffix}.Payload = {key};",
                $"pricing{suffix}.InvocationType = \"RequestResponse\";",
                $"var priced{suffix} = await {lambda}.InvokeAsync(pricing{suffix});",
            ],
            3 => key => [$"await {lambda}.InvokeAsync(new {request} {{ FunctionName = {function}, InvocationType = Amazon.Lambda.InvocationType.Event, Payload = {key} }});"],
            4 => key => [$"await {lambda}.InvokeAsync(new {request} {{ FunctionName = Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\"), InvocationType = \"Event\", Payload = {key} }});"],
            _ => null,
        };
        if (statements is null)
        {
            return;
        }

        access.Members.Add($"private static readonly Amazon.Lambda.IAmazonLambda {lambda} = new Amazon.Lambda.AmazonLambdaClient();");
        var first = access.Pitfall;
        access.Pitfall = first is null ? statements : key => first(key).Concat(statements(key));
    }

    private void Members(params ClientAccess[] accesses)
    {
        foreach (var access in accesses)
        {
            _source.Lines(access.Members);
        }

        if (accesses.Any(a => a.Members.Count > 0))
        {
            _source.Line();
        }
    }

    /// <summary>
    /// One root in two waits 20 s for a downstream cool-down: longer than the 10 s that the deployment template gives two
    /// functions in three, and than the shorter timeouts of [LambdaFunction] (LMB0013); elsewhere a wait LMB0009 may
    /// report. Chosen by unit index and root, not by the random stream, so that the random shapes stay put.
    /// </summary>
    private void AddLongWait(ClientAccess access, int suffix)
    {
        if ((Index + suffix) % 2 != 0)
        {
            return;
        }

        var first = access.Pitfall;
        IEnumerable<string> Wait(string key) => ["await Task.Delay(TimeSpan.FromSeconds(20));"];
        access.Pitfall = first is null ? Wait : key => first(key).Concat(Wait(key));
    }

    private void Use(ClientAccess access, string key, string body) => _source.Lines(access.Statements(key, body, _suffix));

    // Class library: an instance handler on a class with a public parameterless constructor.
    private void WriteApiFunction()
    {
        var name = _entity + "ApiFunction";
        var access = Choose(new RootShape(InstanceMembers: true, CanInject: true, IsNestedLambda: false), "id.Split('-')[0]");
        var task = _random.Next(3) == 0 ? "ValueTask" : "Task";
        _source.Block($"public class {name}", () =>
        {
            _source.Line($"private readonly {_repository} _repository;");
            _source.Line();
            Members(access);
            var injected = access.Injection;
            _source.Line($"public {name}()");
            _source.Line($"    : this(new {_repository}(){(injected is null ? string.Empty : ", " + access.InjectedCreation)})");
            _source.Line("{");
            _source.Line("}");
            _source.Line();
            _source.Block($"public {name}({_repository} repository{(injected is null ? string.Empty : ", " + injected.Value.Parameter)})", () =>
            {
                _source.Line("_repository = repository;");
                if (injected is not null)
                {
                    _source.Line(injected.Value.Field);
                }
            });
            _source.Line();
            _source.Block($"public async {task}<{_v.ApiResponse}> FunctionHandler({_v.ApiRequest} request, {_v.Context} context)", () =>
            {
                _source.Line($"context.Logger.LogLine($\"{{request.HttpMethod}} {{request.Path}} ({{context.{_v.RequestId}}})\");");
                _source.Line($"var id = request.PathParameters != null && request.PathParameters.TryGetValue(\"id\", out var raw) ? {_support}.Normalize(raw) : Guid.NewGuid().ToString(\"N\");");
                _source.Line($"var entity = {_support}.Parse(request.Body);");
                _source.Block("if (entity is null)", () => _source.Line($"return new {_v.ApiResponse} {{ StatusCode = 400, Body = \"invalid body\" }};"));
                _source.Line();
                _source.Line($"var errors = {_support}.Validate(entity);");
                _source.Block("if (errors.Count > 0)", () => _source.Line($"return new {_v.ApiResponse} {{ StatusCode = 422, Body = string.Join(\"; \", errors) }};"));
                _source.Line();
                _source.Line($"var body = {_support}.Serialize(entity with {{ Id = id }});");
                Use(access, "id", "body");
                _source.Line("await _repository.SaveAsync(entity with { Id = id });");
                _source.Line("LogTiming(context, entity.Amount);");
                _source.Line($"return new {_v.ApiResponse}");
                _source.Block(string.Empty, () =>
                {
                    _source.Line("StatusCode = 200,");
                    _source.Line($"Body = JsonSerializer.Serialize(new {{ id, category = {_support}.Classify(entity.Amount) }}),");
                    _source.Line("Headers = new Dictionary<string, string> { [\"Content-Type\"] = \"application/json\" },");
                }, "};");
            });
            _source.Line();
            _source.Line($"private static void LogTiming({_v.Context} context, decimal amount) =>");
            _source.Line("    context.Logger.LogLine($\"amount {amount:F2}, {context.RemainingTime.TotalMilliseconds:F0} ms left\");");
        });
    }

    // Class library: a static handler.
    private void WriteQueueHandler()
    {
        var access = Choose(new RootShape(InstanceMembers: false, CanInject: false, IsNestedLambda: false), "message.EventSourceArn");
        var returns = _random.Next(2) == 0 ? "void" : "Task";

        // Chosen by the unit's index, not the random sequence, so the other shapes stay where they were: three queue
        // handlers in four return a partial-batch response, and process each message in a try whose catch drops the
        // message (LMB0015), reports it by its receipt handle (LMB0015) or reports it by its message ID.
        var batch = (Index % 4) switch
        {
            0 => BatchReport.None,
            1 => BatchReport.ReceiptHandle,
            2 => BatchReport.MessageId,
            _ => (BatchReport?)null,
        };
        var response = _v.QueueResponse;
        if (batch is not null)
        {
            returns = $"Task<{response}>";
        }

        _source.Block($"public static class {_entity}QueueHandler", () =>
        {
            Members(access);
            _source.Block($"public static async {returns} HandleAsync({_v.QueueEvent} evnt, {_v.Context} context)", () =>
            {
                _source.Line("context.Logger.LogLine($\"received {evnt.Records.Count} messages\");");
                _source.Line("var failures = 0;");
                if (batch is not null)
                {
                    _source.Line($"var batchItemFailures = new List<{response}.BatchItemFailure>();");
                }

                _source.Block("foreach (var message in evnt.Records)", () =>
                {
                    _source.Line($"var entity = {_support}.Parse(message.Body);");
                    _source.Block("if (entity is null)", () =>
                    {
                        _source.Line("failures++;");
                        _source.Line($"context.Logger.LogLine($\"skipping {{message.MessageId}}: not a {_entity.ToLowerInvariant()}\");");
                        _source.Line("continue;");
                    });
                    _source.Line();
                    _source.Line($"var key = {_support}.Normalize(message.MessageId);");
                    if (batch is not { } report)
                    {
                        Use(access, "key", "message.Body");
                        return;
                    }

                    _source.Block("try", () => Use(access, "key", "message.Body"));
                    _source.Block("catch (Exception ex)", () =>
                    {
                        if (report != BatchReport.None)
                        {
                            var identifier = report == BatchReport.MessageId ? "MessageId" : "ReceiptHandle";
                            _source.Line($"batchItemFailures.Add(new {response}.BatchItemFailure {{ ItemIdentifier = message.{identifier} }});");
                        }

                        _source.Line("context.Logger.LogLine($\"{message.MessageId} failed: {ex.Message}\");");
                    });
                });
                _source.Line();
                _source.Block("if (failures > 0)", () => _source.Line("context.Logger.LogLine($\"{failures} messages skipped\");"));
                if (batch is not null)
                {
                    _source.Line();
                    _source.Line($"return new {response}(batchItemFailures);");
                }
            });
        });
    }

    /// <summary>
    /// A handler that replays messages from a dead-letter queue, one task per message, and returns a partial-batch
    /// response whose list its catch never adds to: the failed message is dropped (LMB0015).
    /// </summary>
    private void WriteReplayHandler()
    {
        var response = _v.QueueResponse;
        _source.Block($"public static class {_entity}ReplayHandler", () =>
        {
            _source.Block($"public static async Task<{response}> ReplayAsync({_v.QueueEvent} evnt, {_v.Context} context)", () =>
            {
                _source.Line($"var batchItemFailures = new List<{response}.BatchItemFailure>();");
                _source.Line("await Task.WhenAll(evnt.Records.Select(async message =>");
                _source.Block(
                    string.Empty,
                    () =>
                    {
                        _source.Block("try", () => _source.Line($"await {_support}.LookupAsync({_support}.Normalize(message.MessageId));"));
                        _source.Block("catch (Exception ex)", () => _source.Line("context.Logger.LogLine($\"replaying {message.MessageId} failed: {ex.Message}\");"));
                    },
                    close: "}));");
                _source.Line();
                _source.Line($"return new {response}(batchItemFailures);");
            });
        });
        _source.Line();
    }

    /// <summary>
    /// Code a handler reaches through calls, the shapes reach follows: a base-class handler whose override runs per
    /// invocation, a store the override creates per invocation (whose field initializer creates a client), a static
    /// helper that creates a client, and one that writes what it is given into a static; beside them a helper with a
    /// static client, which is correct. Chosen by the unit's index, and makes no random choice.
    /// </summary>
    private void WriteReachedCode()
    {
        var name = _entity + "Audit";
        _source.Block($"public abstract class {name}FunctionBase", () =>
        {
            _source.Line($"public async Task<string> FunctionHandler(string input, {_v.Context} context) => await HandleAsync(input);");
            _source.Line();
            _source.Line("protected abstract Task<string> HandleAsync(string input);");
        });
        _source.Line();
        _source.Block($"public sealed class {name}Function : {name}FunctionBase", () =>
        {
            _source.Block("protected override async Task<string> HandleAsync(string input)", () =>
            {
                _source.Line($"var store = new {name}Store();");
                _source.Line("await store.SaveAsync(input);");
                _source.Line($"{name}Trail.Remember(input);");
                _source.Line($"var archived = await {name}Archive.ArchiveAsync(input);");
                _source.Line($"return archived + await {name}Describer.DescribeAsync(input);");
            });
        });
        _source.Line();
        _source.Block($"public sealed class {name}Store", () =>
        {
            Violations++;
            _source.Line("private readonly AmazonDynamoDBClient _client = new();");
            _source.Line();
            _source.Line($"public Task SaveAsync(string input) => _client.PutItemAsync(\"{_entity.ToLowerInvariant()}-audit\", new Dictionary<string, AttributeValue> {{ [\"id\"] = new AttributeValue(input) }});");
        });
        _source.Line();
        _source.Block($"public static class {name}Trail", () =>
        {
            _source.Line("private static string s_last = string.Empty;");
            _source.Line();
            _source.Line("public static void Remember(string input) => s_last = input;");
        });
        _source.Line();
        _source.Block($"public static class {name}Describer", () =>
        {
            _source.Block("public static async Task<string> DescribeAsync(string key)", () =>
            {
                Violations++;
                _source.Line("using var s3 = new AmazonS3Client();");
                _source.Line($"var response = await s3.GetObjectMetadataAsync(\"{_entity.ToLowerInvariant()}-audit\", key);");
                _source.Line("return response.ETag;");
            });
        });
        _source.Line();
        _source.Block($"public static class {name}Archive", () =>
        {
            _source.Line("private static readonly AmazonS3Client s_s3 = new();");
            _source.Line();
            _source.Block("public static async Task<string> ArchiveAsync(string key)", () =>
            {
                _source.Line($"await s_s3.CopyObjectAsync(\"{_entity.ToLowerInvariant()}-audit\", key, \"{_entity.ToLowerInvariant()}-archive\", key);");
                _source.Line("return key;");
            });
        });
        _source.Line();
    }

    /// <summary>How a generated queue handler's catch reports the failed message: not at all, or by one of its members.</summary>
    private enum BatchReport
    {
        None,
        ReceiptHandle,
        MessageId,
    }

    // Amazon.Lambda.Annotations: [LambdaFunction] methods, with and without an ILambdaContext.
    private void WriteAnnotationsFunctions()
    {
        var shape = new RootShape(InstanceMembers: true, CanInject: false, IsNestedLambda: false);
        var get = Choose(shape, "id");
        var getSuffix = _suffix;
        var create = Choose(shape, "entity.Name");
        var createSuffix = _suffix;
        var route = "/" + _entity.ToLowerInvariant() + "s";
        _source.Block($"public class {_entity}Functions", () =>
        {
            _source.Line($"private readonly {_repository} _repository;");
            _source.Line();
            Members(get, create);
            _source.Line($"public {_entity}Functions({_repository} repository) => _repository = repository;");
            _source.Line();
            _source.Line(_v.Function(_random.Next(1, 9) * 256, _random.Next(3, 60)));
            _source.Line(_v.HttpApi("Get", route + "/{id}"));
            _source.Block($"public async Task<{_v.HttpResult}> Get({_v.FromRoute}string id, {_v.Context} context)", () =>
            {
                _source.Line("context.Logger.LogLine($\"get {id}\");");
                _source.Line($"var entity = await _repository.FindAsync({_support}.Normalize(id));");
                _source.Block("if (entity is null)", () => _source.Line($"return {_v.HttpResults}.NotFound();"));
                _source.Line();
                _source.Line($"var body = {_support}.Serialize(entity);");
                _source.Lines(get.Statements("entity.Id", "body", getSuffix));
                _source.Line($"return {_v.HttpResults}.Ok(entity);");
            });
            _source.Line();
            _source.Line(_v.Function(_random.Next(1, 9) * 256, _random.Next(3, 60)));
            _source.Line(_v.HttpApi("Post", route));
            _source.Block($"public async Task<{_v.HttpResult}> Create({_v.FromBody}{_entity} entity)", () =>
            {
                _source.Line($"var errors = {_support}.Validate(entity);");
                _source.Block("if (errors.Count > 0)", () => _source.Line($"return {_v.HttpResults}.BadRequest(errors);"));
                _source.Line();
                _source.Line("var id = Guid.NewGuid().ToString(\"N\");");
                _source.Line($"var body = {_support}.Serialize(entity with {{ Id = id }});");
                _source.Lines(create.Statements("id", "body", createSuffix));
                _source.Line("await _repository.SaveAsync(entity with { Id = id });");
                _source.Line($"return {_v.HttpResults}.Created($\"{route}/{{id}}\", entity with {{ Id = id }});");
            });
        });
    }

    // Executable assembly: Main registers a handler lambda, a Stream lambda, or a method group with the bootstrap.
    private void WriteBootstrapProgram()
    {
        var variant = _random.Next(3);
        var lambda = variant < 2;
        var tenant = variant switch { 0 => "request.Path", 1 => "key", _ => "message.EventSourceArn" };
        var access = Choose(new RootShape(InstanceMembers: false, CanInject: false, IsNestedLambda: lambda), tenant);
        _source.Block($"public static class {_entity}Program", () =>
        {
            Members(access);
            _source.Block("public static async Task Main()", () =>
            {
                if (variant == 2)
                {
                    _source.Line(_v.Bootstrap("ProcessAsync", typed: true, $"<{_v.QueueEvent}>"));
                    return;
                }

                _source.Line($"var repository = new {_repository}();");
                _source.Lines(access.Outer);
                if (variant == 0)
                {
                    _source.Line($"var handler = async ({_v.ApiRequest} request, {_v.Context} context) =>");
                    _source.Block(string.Empty, () =>
                    {
                        _source.Line("context.Logger.LogLine($\"{request.HttpMethod} {request.Path}\");");
                        _source.Line($"var entity = {_support}.Parse(request.Body);");
                        _source.Block("if (entity is null)", () => _source.Line($"return new {_v.ApiResponse} {{ StatusCode = 400, Body = \"invalid body\" }};"));
                        _source.Line();
                        _source.Line("var id = Guid.NewGuid().ToString(\"N\");");
                        _source.Line($"var body = {_support}.Serialize(entity with {{ Id = id }});");
                        Use(access, "id", "body");
                        _source.Line("await repository.SaveAsync(entity with { Id = id });");
                        _source.Line($"return new {_v.ApiResponse} {{ StatusCode = 201, Body = body }};");
                    }, "};");
                    _source.Line();
                    _source.Line(_v.Bootstrap("handler", typed: true));
                }
                else
                {
                    _source.Line($"Func<System.IO.Stream, {_v.Context}, Task<System.IO.Stream>> handler = async (input, context) =>");
                    _source.Block(string.Empty, () =>
                    {
                        _source.Line("using var reader = new StreamReader(input);");
                        _source.Line("var text = await reader.ReadToEndAsync();");
                        _source.Line($"var entity = {_support}.Parse(text) ?? {_entity}.Empty;");
                        _source.Line($"var key = {_support}.Normalize(entity.Name);");
                        Use(access, "key", "text");
                        _source.Line($"context.Logger.LogLine($\"processed {{key}} in {{context.{_v.RequestId}}}\");");
                        _source.Line($"return new MemoryStream(Encoding.UTF8.GetBytes({_support}.Classify(entity.Amount)));");
                    }, "};");
                    _source.Line();
                    _source.Line(_v.Bootstrap("handler", typed: false));
                }
            });

            if (variant == 2)
            {
                _source.Line();
                _source.Block($"private static async Task ProcessAsync({_v.QueueEvent} evnt)", () =>
                {
                    _source.Block("foreach (var message in evnt.Records)", () =>
                    {
                        _source.Line($"var entity = {_support}.Parse(message.Body);");
                        _source.Block("if (entity is null)", () =>
                        {
                            _source.Line("Console.WriteLine($\"skipping {message.MessageId}\");");
                            _source.Line("continue;");
                        });
                        _source.Line();
                        _source.Line($"var key = {_support}.Normalize(message.MessageId);");
                        Use(access, "key", "message.Body");
                    });
                });
            }
        });
    }

    // Lambdas taking an ILambdaContext, registered in a constructor: per-invocation code inside init code.
    private void WriteRouter()
    {
        var shape = new RootShape(InstanceMembers: true, CanInject: false, IsNestedLambda: true);
        var save = Choose(shape, "key");
        var saveSuffix = _suffix;
        var describe = Choose(shape, "payload");
        var describeSuffix = _suffix;
        var name = _entity + "Router";
        _source.Block($"public sealed class {name}", () =>
        {
            _source.Line($"private readonly Dictionary<string, Func<string, {_v.Context}, Task<string>>> _routes = new(StringComparer.OrdinalIgnoreCase);");
            _source.Line();
            Members(save, describe);
            _source.Block($"public {name}()", () =>
            {
                _source.Line($"var repository = new {_repository}();");
                _source.Lines(save.Outer);
                _source.Lines(describe.Outer);
                _source.Line("_routes[\"save\"] = async (payload, context) =>");
                _source.Block(string.Empty, () =>
                {
                    _source.Line($"var entity = {_support}.Parse(payload) ?? {_entity}.Empty;");
                    _source.Line($"var key = {_support}.Normalize(entity.Name);");
                    _source.Lines(save.Statements("key", "payload", saveSuffix));
                    _source.Line("await repository.SaveAsync(entity with { Id = key });");
                    _source.Line("context.Logger.LogLine($\"saved {key}\");");
                    _source.Line("return key;");
                }, "};");
                _source.Line("_routes[\"describe\"] = async (payload, context) =>");
                _source.Block(string.Empty, () =>
                {
                    _source.Line($"var entity = await repository.FindAsync({_support}.Normalize(payload));");
                    _source.Block("if (entity is null)", () => _source.Line("return \"not found\";"));
                    _source.Line();
                    _source.Line($"var body = {_support}.Serialize(entity);");
                    _source.Lines(describe.Statements("entity.Id", "body", describeSuffix));
                    _source.Line($"context.Logger.LogLine($\"described {{entity.Id}} for {{context.{_v.RequestId}}}\");");
                    _source.Line($"return {_support}.Classify(entity.Amount);");
                }, "};");
            });
            _source.Line();
            _source.Line($"public Task<string> RouteAsync(string route, string payload, {_v.Context} context) =>");
            _source.Line("    _routes.TryGetValue(route, out var target) ? target(payload, context) : Task.FromResult(\"unknown route: \" + route);");
        });
    }

    // Class library: an S3 event handler on an instance class.
    private void WriteStorageFunction()
    {
        var access = Choose(new RootShape(InstanceMembers: true, CanInject: false, IsNestedLambda: false), "bucket");
        var task = _random.Next(3) == 0 ? "ValueTask" : "Task";
        _source.Block($"public class {_entity}StorageFunction", () =>
        {
            _source.Line($"private readonly {_repository} _repository = new();");
            _source.Line();
            Members(access);
            _source.Block($"public async {task}<int> Handle({_v.StorageEvent} evnt, {_v.Context} context)", () =>
            {
                _source.Line("var processed = 0;");
                _source.Block("foreach (var record in evnt.Records)", () =>
                {
                    _source.Line("var bucket = record.S3.Bucket.Name;");
                    _source.Line("var key = record.S3.Object.Key;");
                    _source.Block("if (record.S3.Object.Size == 0)", () =>
                    {
                        _source.Line("context.Logger.LogLine($\"empty object {bucket}/{key}\");");
                        _source.Line("continue;");
                    });
                    _source.Line();
                    _source.Line("var body = JsonSerializer.Serialize(new { bucket, key, size = record.S3.Object.Size });");
                    Use(access, "key", "body");
                    _source.Line($"var existing = await _repository.FindAsync({_support}.Normalize(key));");
                    _source.Block("if (existing is not null)", () => _source.Line($"context.Logger.LogLine($\"updated {{existing.Id}}: {{{_support}.Classify(existing.Amount)}}\");"));
                    _source.Line();
                    _source.Line("processed++;");
                });
                _source.Line();
                _source.Line("context.Logger.LogLine($\"processed {processed} of {evnt.Records.Count}\");");
                _source.Line("return processed;");
            });
        });
    }

    // Class library: two handlers on one class (SNS and a schedule).
    private void WriteNotificationFunctions()
    {
        var shape = new RootShape(InstanceMembers: true, CanInject: false, IsNestedLambda: false);
        var topic = Choose(shape, "record.Sns.Subject");
        var topicSuffix = _suffix;
        var schedule = Choose(shape, "evnt.Id");
        var scheduleSuffix = _suffix;
        var topicReturns = _random.Next(2) == 0 ? "void" : "Task";
        var scheduleReturns = _random.Next(2) == 0 ? "void" : "Task";
        _source.Block($"public class {_entity}NotificationFunctions", () =>
        {
            Members(topic, schedule);
            _source.Block($"public async {topicReturns} OnTopicAsync({_v.TopicEvent} evnt, {_v.Context} context)", () =>
            {
                _source.Block("foreach (var record in evnt.Records)", () =>
                {
                    _source.Line("var message = record.Sns.Message;");
                    _source.Line($"var entity = {_support}.Parse(message);");
                    _source.Block("if (entity is null)", () => _source.Line("continue;"));
                    _source.Line();
                    _source.Line($"var key = {_support}.Normalize(record.Sns.MessageId);");
                    _source.Lines(topic.Statements("key", "message", topicSuffix));
                    _source.Line("context.Logger.LogLine($\"forwarded {key}\");");
                });
            });
            _source.Line();
            _source.Block($"public async {scheduleReturns} OnScheduleAsync({_v.ScheduleEvent} evnt, {_v.Context} context)", () =>
            {
                _source.Line("var key = $\"tick-{evnt.Time:yyyyMMddHHmm}\";");
                _source.Line("var body = JsonSerializer.Serialize(new { evnt.Id, evnt.Time, remaining = context.RemainingTime.TotalSeconds });");
                _source.Lines(schedule.Statements("key", "body", scheduleSuffix));
                _source.Line("context.Logger.LogLine($\"tick {evnt.Id} handled\");");
            });
        });
    }
}
