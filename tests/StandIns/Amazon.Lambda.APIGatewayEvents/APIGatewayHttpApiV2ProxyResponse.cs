using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayHttpApiV2ProxyResponse
{
    public int StatusCode { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public void SetHeaderValues(string headerName, string value, bool append) { }

    public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append) { }

    public string[] Cookies { get; set; }

    public string Body { get; set; }

    public bool IsBase64Encoded { get; set; }
}
