using System;
using System.Text;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.TestUtilities;

public class TestLambdaLogger : ILambdaLogger
{
    public StringBuilder Buffer { get; } = new StringBuilder();

    public void Log(string message) => Buffer.Append(message);

    public void LogLine(string message) => Buffer.AppendLine(message);

    public void Log(string level, string message) => Buffer.AppendLine(message);

    public void Log(string level, string message, params object[] args) => Buffer.AppendLine(message);

    public void Log(string level, Exception exception, string message, params object[] args) => Buffer.AppendLine(message);
}
