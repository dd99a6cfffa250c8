#if NET8_0_OR_GREATER
using System.Text.Json;

namespace Amazon.Lambda.Core;

public class StructuredLoggingOptions
{
    public JsonSerializerOptions OverrideSerializerOptions { get; set; }
}
#endif
