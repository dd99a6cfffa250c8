using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport.Bootstrap;

namespace Amazon.Lambda.RuntimeSupport;

public class LambdaBootstrapBuilder
{
    private LambdaBootstrapBuilder() { }

    public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext, MemoryStream> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Task> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Task<Stream>> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task<Stream>> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Action handler) => throw null;

    public static LambdaBootstrapBuilder Create(Action<Stream> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Action<ILambdaContext> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, Stream> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Stream> handler) => throw null;

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Stream> handler) => throw null;

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public LambdaBootstrapBuilder UseHttpClient(HttpClient httpClient) => this;

    public LambdaBootstrapBuilder UseBootstrapHandler(LambdaBootstrapInitializer lambdaBootstrapInitializer) => this;

    public LambdaBootstrapBuilder ConfigureOptions(Action<LambdaBootstrapOptions> options = null) => this;

    public LambdaBootstrap Build() => throw null;
}
