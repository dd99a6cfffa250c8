using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer.Internal;

public class LambdaServer : IServer
{
    public ApplicationWrapper Application { get; set; }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public void Dispose() { }

    public virtual Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract class ApplicationWrapper
    {
    }

    public class ApplicationWrapper<TContext> : ApplicationWrapper, IHttpApplication<TContext>
    {
        public ApplicationWrapper(IHttpApplication<TContext> application) { }

        TContext IHttpApplication<TContext>.CreateContext(IFeatureCollection contextFeatures) => throw null;

        void IHttpApplication<TContext>.DisposeContext(TContext context, System.Exception exception) { }

        Task IHttpApplication<TContext>.ProcessRequestAsync(TContext context) => Task.CompletedTask;
    }
}
