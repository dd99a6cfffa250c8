// LMB0002 in a top-level program: warm-up work started by the init code before RunAsync() runs once per execution
// environment, and the handler lambda awaits its own work.
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var dynamo = new AmazonDynamoDBClient();

// Case: warm-up before RunAsync(): init code may start work that finishes while the first invocation is awaited.
var warmUp = dynamo.DescribeTableAsync("Sessions");
_ = Task.Run(() => System.Text.Json.JsonSerializer.Serialize(new Session("warm-up", 0)));

var handler = async (Session input, ILambdaContext context) =>
{
    // Case: the handler awaits the warm-up task and its own writes.
    await warmUp;
    var write = dynamo.PutItemAsync("Sessions", new Dictionary<string, AttributeValue>
    {
        ["Id"] = new() { S = input.Id },
        ["Hits"] = new() { N = input.Hits.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    });
    await write;
    context.Logger.LogInformation("Session {Id} stored", input.Id);
    return input;
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

public sealed record Session(string Id, int Hits);
