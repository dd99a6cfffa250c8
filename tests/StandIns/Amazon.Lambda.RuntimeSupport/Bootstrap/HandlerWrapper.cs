using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.RuntimeSupport;

public class HandlerWrapper : IDisposable
{
    private HandlerWrapper() { }

    public LambdaBootstrapHandler Handler { get; private set; }

    public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext, MemoryStream> invokeDelegate) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Task> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Task<Stream>> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task<Stream>> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task<Stream>> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task<Stream>> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Action handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Action<Stream> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Action<ILambdaContext> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, Stream> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Stream> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Stream> handler) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null;

    protected virtual void Dispose(bool disposing) { }

    public void Dispose() { }
}
