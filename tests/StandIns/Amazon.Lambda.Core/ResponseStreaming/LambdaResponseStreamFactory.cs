#if NET8_0_OR_GREATER
using System.Runtime.Versioning;

namespace Amazon.Lambda.Core.ResponseStreaming;

[RequiresPreviewFeatures(PreviewMessage)]
public class LambdaResponseStreamFactory
{
    internal const string PreviewMessage = "Stand-in: Lambda response streaming is a preview feature (set EnablePreviewFeatures to true).";

    public static LambdaResponseStream CreateStream() => throw null;

    public static LambdaResponseStream CreateHttpStream(HttpResponseStreamPrelude prelude) => throw null;
}
#endif
