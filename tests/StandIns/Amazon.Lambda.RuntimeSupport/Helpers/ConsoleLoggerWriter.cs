using System;
using System.IO;

namespace Amazon.Lambda.RuntimeSupport.Helpers;

public interface IConsoleLoggerWriter
{
    void SetRuntimeHeaders(IRuntimeApiHeaders runtimeApiHeaders);

    void FormattedWriteLine(string message);

    void FormattedWriteLine(string level, string message, params object[] args);

    void FormattedWriteLine(string level, Exception exception, string message, params object[] args);
}

public class LogLevelLoggerWriter : IConsoleLoggerWriter
{
    public enum LogLevel
    {
        Trace = 0,
        Debug = 1,
        Information = 2,
        Warning = 3,
        Error = 4,
        Critical = 5,
    }

    public LogLevelLoggerWriter(IEnvironmentVariables environmentVariables) { }

    public LogLevelLoggerWriter(TextWriter stdOutWriter, TextWriter stdErrorWriter) { }

    public void SetRuntimeHeaders(IRuntimeApiHeaders runtimeApiHeaders) { }

    public void FormattedWriteLine(string message) { }

    public void FormattedWriteLine(string level, string message, params object[] args) { }

    public void FormattedWriteLine(string level, Exception exception, string message, params object[] args) { }
}
