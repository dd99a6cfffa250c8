using System;

namespace Amazon.Lambda.Core;

#if NET8_0_OR_GREATER
public enum LogLevel
{
    Trace = 0,
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
}
#endif

public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

#if NET8_0_OR_GREATER
    void Log(string level, string message) { }

    void Log(LogLevel level, string message) { }

    void LogTrace(string message) { }

    void LogDebug(string message) { }

    void LogInformation(string message) { }

    void LogWarning(string message) { }

    void LogError(string message) { }

    void LogCritical(string message) { }

    void Log(string level, string message, params object[] args) { }

    void Log(string level, Exception exception, string message, params object[] args) { }

    void Log(LogLevel level, string message, params object[] args) { }

    void Log(LogLevel level, Exception exception, string message, params object[] args) { }

    void LogTrace(string message, params object[] args) { }

    void LogTrace(Exception exception, string message, params object[] args) { }

    void LogDebug(string message, params object[] args) { }

    void LogDebug(Exception exception, string message, params object[] args) { }

    void LogInformation(string message, params object[] args) { }

    void LogInformation(Exception exception, string message, params object[] args) { }

    void LogWarning(string message, params object[] args) { }

    void LogWarning(Exception exception, string message, params object[] args) { }

    void LogError(string message, params object[] args) { }

    void LogError(Exception exception, string message, params object[] args) { }

    void LogCritical(string message, params object[] args) { }

    void LogCritical(Exception exception, string message, params object[] args) { }
#endif
}
