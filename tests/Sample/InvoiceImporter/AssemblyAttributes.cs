using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

// Every handler of this assembly takes and returns JSON events: S3Event, APIGatewayProxyRequest/Response, records.
[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
