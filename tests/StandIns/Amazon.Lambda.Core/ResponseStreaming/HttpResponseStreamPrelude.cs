#if NET8_0_OR_GREATER
using System.Collections.Generic;
using System.Net;
using System.Runtime.Versioning;

namespace Amazon.Lambda.Core.ResponseStreaming;

[RequiresPreviewFeatures(LambdaResponseStreamFactory.PreviewMessage)]
public class HttpResponseStreamPrelude
{
    public HttpStatusCode? StatusCode { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

    public IList<string> Cookies { get; set; }
}
#endif
