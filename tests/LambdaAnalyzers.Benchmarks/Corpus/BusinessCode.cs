namespace LambdaAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The ordinary code around handlers: records, validation, parsing, mapping and reporting helpers, a repository over
/// an injected DynamoDB client, and exporters that create their own clients outside any handler (and write files where
/// a function cannot).
/// </summary>
internal static class BusinessCode
{
    public static void WriteEntity(SourceBuilder source, string entity)
    {
        source.Line($"public sealed record {entity}(string Id, string Name, decimal Amount, DateTime CreatedAt, IReadOnlyList<string> Tags)");
        source.Block(string.Empty, () =>
        {
            source.Line($"public static {entity} Empty {{ get; }} = new(string.Empty, string.Empty, 0m, DateTime.MinValue, Array.Empty<string>());");
            source.Line();
            source.Line("public bool IsTagged(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);");
        });
        source.Line();
    }

    /// <summary>A static helper class: the members handlers call, plus <paramref name="extra"/> more of various shapes.</summary>
    public static void WriteSupport(SourceBuilder source, Random random, string support, string entity, int extra)
    {
        var maxAmount = random.Next(1, 100) * 1000;
        var maxTags = random.Next(3, 12);
        var maxLength = random.Next(16, 80);
        source.Block($"public static class {support}", () =>
        {
            source.Line("private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);");
            source.Line();
            source.Block("public static string Normalize(string? value)", () =>
            {
                source.Block("if (string.IsNullOrWhiteSpace(value))", () => source.Line("return string.Empty;"));
                source.Line();
                source.Line("var builder = new StringBuilder(value.Length);");
                source.Block("foreach (var c in value.Trim())", () =>
                {
                    source.Block("if (char.IsLetterOrDigit(c) || c == '-')", () => source.Line("builder.Append(char.ToLowerInvariant(c));"));
                    source.Block("else if (c == ' ' || c == '_')", () => source.Line("builder.Append('-');"));
                });
                source.Line();
                source.Line($"return builder.Length > {maxLength} ? builder.ToString(0, {maxLength}) : builder.ToString();");
            });
            source.Line();
            source.Block($"public static {entity}? Parse(string? json)", () =>
            {
                source.Block("if (string.IsNullOrEmpty(json))", () => source.Line("return null;"));
                source.Line();
                source.Block("try", () => source.Line($"return JsonSerializer.Deserialize<{entity}>(json, s_json);"));
                source.Block("catch (JsonException)", () => source.Line("return null;"));
            });
            source.Line();
            source.Block($"public static IReadOnlyList<string> Validate({entity} entity)", () =>
            {
                source.Line("var errors = new List<string>();");
                source.Block("if (string.IsNullOrWhiteSpace(entity.Name))", () => source.Line("errors.Add(\"name is required\");"));
                source.Line();
                source.Block($"if (entity.Amount is < 0m or > {maxAmount}m)", () => source.Line($"errors.Add(\"amount must be between 0 and {maxAmount}\");"));
                source.Line();
                source.Block($"if (entity.Tags is {{ Count: > {maxTags} }})", () => source.Line($"errors.Add($\"at most {maxTags} tags, got {{entity.Tags.Count}}\");"));
                source.Line();
                source.Block("if (entity.CreatedAt > DateTime.UtcNow.AddMinutes(5))", () => source.Line("errors.Add(\"created in the future\");"));
                source.Line();
                source.Line("return errors;");
            });
            source.Line();
            var small = random.Next(10, 100);
            var medium = small * random.Next(5, 20);
            source.Line($"public static string Classify(decimal amount) => amount switch");
            source.Block(string.Empty, () =>
            {
                source.Line($"< {small}m => \"small\",");
                source.Line($"< {medium}m => \"medium\",");
                source.Line("_ => \"large\",");
            }, "};");
            source.Line();
            source.Line($"public static string Serialize({entity} entity) => JsonSerializer.Serialize(entity, s_json);");
            source.Line();
            source.Block("public static async Task<int> LookupAsync(string key, CancellationToken cancellationToken = default)", () =>
            {
                source.Line("await Task.Delay(1, cancellationToken).ConfigureAwait(false);");
                source.Line("return key.Length;");
            });
            source.Line();
            source.Line("public static Task WarmUpAsync() => Task.Delay(10);");
            if (random.Next(3) == 0)
            {
                // More than the 512 MB of ephemeral storage a function has by default.
                source.Line();
                source.Line("public static void ReserveScratchSpace() =>");
                source.Line("    File.WriteAllBytes(Path.Combine(Path.GetTempPath(), \"scratch.bin\"), new byte[600 * 1024 * 1024]);");
            }

            for (var i = 0; i < extra; i++)
            {
                source.Line();
                WriteHelper(source, random, entity, i);
            }
        });
        source.Line();
    }

    private static void WriteHelper(SourceBuilder source, Random random, string entity, int index)
    {
        var k = random.Next(2, 50);
        switch (random.Next(9))
        {
            case 0:
                source.Line($"public static decimal Total{index}(IEnumerable<{entity}> items) =>");
                source.Line($"    items.Where(i => i.Amount > {k}m).Select(i => i.Amount * 1.{k:D2}m).DefaultIfEmpty(0m).Sum();");
                break;
            case 1:
                source.Block($"public static Dictionary<string, int> CountByTag{index}(IEnumerable<{entity}> items)", () =>
                {
                    source.Line("var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);");
                    source.Block("foreach (var item in items)", () =>
                        source.Block("foreach (var tag in item.Tags)", () =>
                            source.Line("counts[tag] = counts.TryGetValue(tag, out var count) ? count + 1 : 1;")));
                    source.Line();
                    source.Line("return counts;");
                });
                break;
            case 2:
                source.Block($"public static async Task<T> Retry{index}<T>(Func<Task<T>> action, int attempts = {k % 5 + 2})", () =>
                    source.Block("for (var attempt = 1; ; attempt++)", () =>
                    {
                        source.Block("try", () => source.Line("return await action().ConfigureAwait(false);"));
                        source.Block("catch (Exception) when (attempt < attempts)", () =>
                            source.Line($"await Task.Delay(TimeSpan.FromMilliseconds({k * 10} * attempt)).ConfigureAwait(false);"));
                    }));
                break;
            case 3:
                source.Block($"public static string Describe{index}({entity} entity)", () =>
                {
                    source.Line("var builder = new StringBuilder();");
                    source.Line("builder.Append(entity.Name).Append(\" (\").Append(entity.Id).Append(')');");
                    source.Block("if (entity.Tags.Count > 0)", () => source.Line("builder.Append(\" [\").Append(string.Join(\", \", entity.Tags.OrderBy(t => t, StringComparer.Ordinal))).Append(']');"));
                    source.Line();
                    source.Line($"builder.Append(\" \").Append(entity.Amount.ToString(\"F{k % 4}\", CultureInfo.InvariantCulture));");
                    source.Line("return builder.ToString();");
                });
                break;
            case 4:
                source.Block($"public static IEnumerable<IReadOnlyList<{entity}>> Chunk{index}(IReadOnlyList<{entity}> items, int size = {k})", () =>
                {
                    source.Block("for (var start = 0; start < items.Count; start += size)", () =>
                    {
                        source.Line($"var chunk = new List<{entity}>(size);");
                        source.Block("for (var i = start; i < Math.Min(start + size, items.Count); i++)", () => source.Line("chunk.Add(items[i]);"));
                        source.Line();
                        source.Line("yield return chunk;");
                    });
                });
                break;
            case 5:
                source.Block($"public static bool TryParseAmount{index}(string? text, out decimal amount)", () =>
                {
                    source.Line("amount = 0m;");
                    source.Block("if (text is null || text.Length > 32)", () => source.Line("return false;"));
                    source.Line();
                    source.Line("var trimmed = text.Trim().TrimStart('$', '€').Replace(\",\", string.Empty, StringComparison.Ordinal);");
                    source.Line($"return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount <= {k * 1000}m;");
                });
                break;
            case 6:
                source.Block($"public static {entity} Merge{index}({entity} current, {entity} update)", () =>
                {
                    source.Line("var tags = current.Tags.Union(update.Tags, StringComparer.OrdinalIgnoreCase).Take(" + k + ").ToArray();");
                    source.Line("return current with");
                    source.Block(string.Empty, () =>
                    {
                        source.Line("Name = string.IsNullOrWhiteSpace(update.Name) ? current.Name : update.Name,");
                        source.Line("Amount = update.Amount == 0m ? current.Amount : update.Amount,");
                        source.Line("Tags = tags,");
                    }, "};");
                });
                break;
            case 7:
                source.Block($"public static string ToCsv{index}(IEnumerable<{entity}> items)", () =>
                {
                    source.Line("var builder = new StringBuilder(\"id,name,amount,created\\n\");");
                    source.Block("foreach (var item in items)", () =>
                    {
                        source.Line("builder.Append(item.Id).Append(',')");
                        source.Line("    .Append(item.Name.Replace(\",\", \" \", StringComparison.Ordinal)).Append(',')");
                        source.Line("    .Append(item.Amount.ToString(CultureInfo.InvariantCulture)).Append(',')");
                        source.Line("    .Append(item.CreatedAt.ToString(\"O\", CultureInfo.InvariantCulture)).Append('\\n');");
                    });
                    source.Line();
                    source.Line("return builder.ToString();");
                });
                break;
            default:
                source.Block($"public static (int Valid, int Invalid, decimal Largest) Summarize{index}(IEnumerable<{entity}> items)", () =>
                {
                    source.Line("var valid = 0;");
                    source.Line("var invalid = 0;");
                    source.Line("var largest = decimal.MinValue;");
                    source.Block("foreach (var item in items)", () =>
                    {
                        source.Block("switch (item)", () =>
                        {
                            source.Line($"case {{ Amount: > {k}m, Name.Length: > 0 }}:");
                            source.Line("    valid++;");
                            source.Line("    largest = Math.Max(largest, item.Amount);");
                            source.Line("    break;");
                            source.Line("default:");
                            source.Line("    invalid++;");
                            source.Line("    break;");
                        });
                    });
                    source.Line();
                    source.Line("return (valid, invalid, valid == 0 ? 0m : largest);");
                });
                break;
        }
    }

    /// <summary>A repository over a DynamoDB client it is given or creates in its constructor: init code, never reported.</summary>
    public static void WriteRepository(SourceBuilder source, string entity, string repository, string table)
    {
        source.Block($"public sealed class {repository}", () =>
        {
            source.Line($"private const string Table = \"{table}\";");
            source.Line("private readonly IAmazonDynamoDB _dynamo;");
            source.Line();
            source.Line($"public {repository}()");
            source.Line("    : this(new AmazonDynamoDBClient())");
            source.Line("{");
            source.Line("}");
            source.Line();
            source.Line($"public {repository}(IAmazonDynamoDB dynamo) => _dynamo = dynamo;");
            source.Line();
            source.Block($"public async Task SaveAsync({entity} entity, CancellationToken cancellationToken = default)", () =>
            {
                source.Line("var item = new Dictionary<string, AttributeValue>");
                source.Block(string.Empty, () =>
                {
                    source.Line("[\"pk\"] = new AttributeValue { S = entity.Id },");
                    source.Line("[\"name\"] = new AttributeValue { S = entity.Name },");
                    source.Line("[\"amount\"] = new AttributeValue { N = entity.Amount.ToString(CultureInfo.InvariantCulture) },");
                    source.Line("[\"created\"] = new AttributeValue { S = entity.CreatedAt.ToString(\"O\", CultureInfo.InvariantCulture) },");
                }, "};");
                source.Block("if (entity.Tags.Count > 0)", () => source.Line("item[\"tags\"] = new AttributeValue { SS = entity.Tags.ToList() };"));
                source.Line();
                source.Line("await _dynamo.PutItemAsync(new PutItemRequest { TableName = Table, Item = item }, cancellationToken).ConfigureAwait(false);");
            });
            source.Line();
            source.Block($"public async Task<{entity}?> FindAsync(string id, CancellationToken cancellationToken = default)", () =>
            {
                source.Line("var key = new Dictionary<string, AttributeValue> { [\"pk\"] = new AttributeValue { S = id } };");
                source.Line("var response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = Table, Key = key }, cancellationToken).ConfigureAwait(false);");
                source.Block("if (response.Item is null || response.Item.Count == 0)", () => source.Line("return null;"));
                source.Line();
                source.Line("var name = response.Item.TryGetValue(\"name\", out var nameValue) ? nameValue.S : string.Empty;");
                source.Line("var amount = response.Item.TryGetValue(\"amount\", out var amountValue) ? decimal.Parse(amountValue.N, CultureInfo.InvariantCulture) : 0m;");
                source.Line("var tags = response.Item.TryGetValue(\"tags\", out var tagsValue) ? tagsValue.SS : new List<string>();");
                source.Line($"return new {entity}(id, name, amount, DateTime.UtcNow, tags);");
            });
        });
        source.Line();
    }

    /// <summary>
    /// Ordinary service code that creates clients in its methods: no handler, so never reported as per-invocation work;
    /// some exporters write keys into the code (LMB0016).
    /// </summary>
    public static void WriteExporter(SourceBuilder source, string entity, string exporter, string support, int index)
    {
        // Chosen by the unit's index, not the random sequence, so the other shapes stay where they were.
        var s3 = ExportClient(index);
        source.Block($"public sealed class {exporter}", () =>
        {
            source.Block($"public async Task<int> ExportAsync(IReadOnlyList<{entity}> items, string bucket, CancellationToken cancellationToken = default)", () =>
            {
                source.Line($"using var s3 = {s3};");
                source.Line("var exported = 0;");
                source.Block("foreach (var item in items)", () =>
                {
                    source.Line($"var body = {support}.Serialize(item);");
                    source.Line("await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $\"exports/{item.Id}.json\", ContentBody = body }, cancellationToken);");
                    source.Line("exported++;");
                });
                source.Line();
                source.Line("return exported;");
            });
            source.Line();
            source.Block("public async Task NotifyAsync(string queueUrl, int count)", () =>
            {
                source.Line("using var sqs = new AmazonSQSClient();");
                source.Line("await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = $\"{{\\\"exported\\\":{count}}}\" });");
            });
            source.Line();
            source.Line("public static HttpClient CreateWebhookClient() => new HttpClient { Timeout = TimeSpan.FromSeconds(30) };");
            source.Line();
            // A relative path: under the read-only /var/task on Lambda.
            source.Line("public Task SaveLocalCopyAsync(string name, string csv) => File.WriteAllTextAsync($\"exports/{name}.csv\", csv);");
        });
        source.Line();
    }

    /// <summary>
    /// The exporter's S3 client: keys written into the code in three units in seven (LMB0016 reports the access key ID,
    /// or the secret when the key ID comes from the environment), keys from the environment in two, and the execution
    /// role's credentials in the rest.
    /// </summary>
    private static string ExportClient(int index)
    {
        // 20 and 40 characters, shaped like an access key ID and a secret key.
        var keyId = $"\"AKIA{index:D4}EXPORTKEY000\"";
        var secret = $"\"wJalrXUtnFEMI/K7MDENG/bPxRfi{index:D4}EXAMPLEK\"";
        const string keyIdFromEnvironment = "Environment.GetEnvironmentVariable(\"EXPORT_KEY_ID\")";
        const string secretFromEnvironment = "Environment.GetEnvironmentVariable(\"EXPORT_SECRET\")";
        const string tokenFromEnvironment = "Environment.GetEnvironmentVariable(\"EXPORT_TOKEN\")";
        return (index % 7) switch
        {
            0 => $"new AmazonS3Client({keyId}, {secret})",
            1 => $"new AmazonS3Client(new BasicAWSCredentials({keyIdFromEnvironment}, {secret}), RegionEndpoint.EUWest1)",
            2 => $"new AmazonS3Client(new SessionAWSCredentials(\"ASIA{index:D4}EXPORTKEY000\", {secretFromEnvironment}, {tokenFromEnvironment}))",
            3 => $"new AmazonS3Client({keyIdFromEnvironment}, {secretFromEnvironment})",
            4 => $"new AmazonS3Client(new SessionAWSCredentials({keyIdFromEnvironment}, {secretFromEnvironment}, {tokenFromEnvironment}))",
            _ => "new AmazonS3Client()",
        };
    }
}
