using System.Threading.Tasks;
using Amazon.Lambda.RuntimeSupport.Bootstrap;

namespace Amazon.Lambda.RuntimeSupport;

public class RuntimeSupportInitializer
{
    public RuntimeSupportInitializer(string handler) { }

    public RuntimeSupportInitializer(string handler, LambdaBootstrapOptions lambdaBootstrapOptions) { }

    public Task RunLambdaBootstrap() => Task.CompletedTask;
}
