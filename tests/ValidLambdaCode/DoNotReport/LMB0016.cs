// LMB0016 (take credentials from the execution role): correct code the rule must not report, one shape per class. Each
// case carries a "Case:" comment. The file compiles as a function project: it references Amazon.Lambda.Core and no test
// framework.
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace DoNotReport.Lmb0016
{
    public sealed record Upload(string Bucket, string Key, string Body);

    // Case: clients created without credentials: the SDK's default chain takes the execution role's credentials.
    public class ExecutionRoleFunction
    {
        private static readonly IAmazonS3 s_s3 = new AmazonS3Client();
        private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);

        public async Task<string> FunctionHandler(Upload upload, ILambdaContext context)
        {
            await s_s3.PutObjectAsync(new PutObjectRequest { BucketName = upload.Bucket, Key = upload.Key, ContentBody = upload.Body });
            await s_dynamo.PutItemAsync("uploads", new Dictionary<string, AttributeValue> { ["Key"] = new AttributeValue(upload.Key) });
            return upload.Key;
        }
    }

    // Case: keys of another account read from environment variables (set from Secrets Manager by the deployment), and
    // from configuration.
    public class KeysFromEnvironmentFunction
    {
        private static readonly IAmazonS3 s_partnerS3 = new AmazonS3Client(
            new BasicAWSCredentials(
                Environment.GetEnvironmentVariable("PARTNER_KEY_ID") ?? string.Empty,
                Environment.GetEnvironmentVariable("PARTNER_SECRET") ?? string.Empty),
            RegionEndpoint.USEast1);

        private static readonly Dictionary<string, string> s_settings = new()
        {
            ["ArchiveKeyId"] = Environment.GetEnvironmentVariable("ARCHIVE_KEY_ID") ?? string.Empty,
            ["ArchiveSecret"] = Environment.GetEnvironmentVariable("ARCHIVE_SECRET") ?? string.Empty,
        };

        private static readonly IAmazonSQS s_archiveQueue = new AmazonSQSClient(s_settings["ArchiveKeyId"], s_settings["ArchiveSecret"]);

        public async Task FunctionHandler(Upload upload, ILambdaContext context)
        {
            await s_partnerS3.PutObjectAsync(new PutObjectRequest { BucketName = upload.Bucket, Key = upload.Key, ContentBody = upload.Body });
            await s_archiveQueue.SendMessageAsync(Environment.GetEnvironmentVariable("ARCHIVE_QUEUE_URL"), upload.Key);
        }
    }

    // Case: a public bucket read without signing, and a role of another account assumed from the execution role.
    public class AnonymousAndAssumedRoleFunction
    {
        private static readonly IAmazonS3 s_publicData = new AmazonS3Client(new AnonymousAWSCredentials(), RegionEndpoint.USWest2);

        private static readonly IAmazonS3 s_partner = new AmazonS3Client(
            new AssumeRoleAWSCredentials(
                new EnvironmentVariablesAWSCredentials(),
                Environment.GetEnvironmentVariable("PARTNER_ROLE_ARN") ?? "arn:aws:iam::123456789012:role/PartnerUpload",
                "upload-forwarder"),
            RegionEndpoint.EUCentral1);

        public async Task<long> FunctionHandler(Upload upload, ILambdaContext context)
        {
            using var response = await s_publicData.GetObjectAsync(upload.Bucket, upload.Key);
            await s_partner.PutObjectAsync(new PutObjectRequest { BucketName = "partner-inbox", Key = upload.Key, ContentBody = upload.Body });
            return response.ContentLength;
        }
    }

    // Case: session credentials from a credentials response (the shape of STS AssumeRole's), passed on as values.
    public class SessionFromResponseFunction
    {
        private sealed record TemporaryCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken);

        public async Task<string> FunctionHandler(Upload upload, ILambdaContext context)
        {
            var issued = await IssueAsync(upload.Bucket);
            var session = new SessionAWSCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
            context.Logger.LogLine($"forwarding {upload.Key} with a session of {session.GetType().Name}");
            return upload.Key;
        }

        private static Task<TemporaryCredentials> IssueAsync(string audience) =>
            Task.FromResult(new TemporaryCredentials(audience, audience, audience));
    }

    // Case: LocalStack and DynamoDB Local, which accept any placeholder keys, chosen when the function runs locally.
    public class LocalEmulatorFunction
    {
        private static readonly IAmazonS3 s_s3 = Environment.GetEnvironmentVariable("LOCALSTACK_URL") is { } localStack
            ? new AmazonS3Client("test", "test", new AmazonS3Config { ServiceURL = localStack, ForcePathStyle = true })
            : new AmazonS3Client();

        private static readonly IAmazonDynamoDB s_dynamo = Environment.GetEnvironmentVariable("DYNAMODB_LOCAL_URL") is { } dynamoLocal
            ? new AmazonDynamoDBClient("fakeMyKeyId", "fakeSecretAccessKey", new AmazonDynamoDBConfig { ServiceURL = dynamoLocal })
            : new AmazonDynamoDBClient();

        static LocalEmulatorFunction()
        {
            if (Environment.GetEnvironmentVariable("LOCALSTACK_URL") is not null)
            {
                Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
                Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
            }
        }

        public async Task FunctionHandler(Upload upload, ILambdaContext context)
        {
            await s_s3.PutObjectAsync(new PutObjectRequest { BucketName = upload.Bucket, Key = upload.Key, ContentBody = upload.Body });
            await s_dynamo.PutItemAsync("uploads", new Dictionary<string, AttributeValue> { ["Key"] = new AttributeValue(upload.Key) });
        }
    }

    // Case: 40-character placeholders of one character or one case, and a key ID's lookalike in lower case.
    public class PlaceholderKeysFunction
    {
        private const string PlaceholderSecret = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        private const string UpperCaseSecret = "REPLACEWITHYOURSECRETKEYREPLACEWITHYOURS";

        private static readonly AWSCredentials s_placeholder = new BasicAWSCredentials("AKIAxxxxxxxxxxxxxxxx", PlaceholderSecret);
        private static readonly AWSCredentials s_upperCase = new BasicAWSCredentials("YOUR_ACCESS_KEY_ID", UpperCaseSecret);

        public string FunctionHandler(Upload upload, ILambdaContext context)
        {
            context.Logger.LogLine($"{s_placeholder.GetType().Name} {s_upperCase.GetType().Name} {upload.Key}");
            return upload.Key;
        }
    }

    // Case: other environment variables set in code, including the region the SDK reads.
    public class OtherVariablesFunction
    {
        static OtherVariablesFunction()
        {
            Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
            Environment.SetEnvironmentVariable("EXPORT_FORMAT", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        public string FunctionHandler(Upload upload, ILambdaContext context) => Environment.GetEnvironmentVariable("AWS_REGION") + upload.Key;
    }
}
