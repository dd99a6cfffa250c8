using Amazon.DynamoDBv2;
using Amazon.Lambda.Annotations;
using InvoiceImporter.Currency;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceImporter;

/// <summary>
/// The Annotations functions' container. Amazon.Lambda.Annotations builds it once per execution environment, and creates
/// a scope per invocation in which it resolves the <c>[FromServices]</c> parameters of a <c>[LambdaFunction]</c>.
/// </summary>
[LambdaStartup]
public sealed class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        // Correct: one DynamoDB client for the execution environment, injected into InvoiceSummaryFunctions.
        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();

        // Transient: a new converter, and whatever its constructor creates, for every invocation that asks for one.
        services.AddTransient<ICurrencyConverter, RateTableConverter>();

        // Singleton: the rate cache, and the client it holds, are made once.
        services.AddSingleton<IRateCache, RateCache>();
    }
}
