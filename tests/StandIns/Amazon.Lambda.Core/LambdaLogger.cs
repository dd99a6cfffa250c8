using System;
#if NET8_0_OR_GREATER
using System.Runtime.Versioning;
#endif

namespace Amazon.Lambda.Core;

public static class LambdaLogger
{
    public static void Log(string message) { }

#if NET8_0_OR_GREATER
    public static void Log(string level, string message, params object[] args) { }

    public static void Log(LogLevel level, string message, params object[] args) { }

    public static void Log(string level, Exception exception, string message, params object[] args) { }

    public static void Log(LogLevel level, Exception exception, string message, params object[] args) { }

    [RequiresPreviewFeatures("Stand-in: structured logging configuration is a preview feature.")]
    public static void ConfigureStructuredLogging(StructuredLoggingOptions options) { }
#endif
}
