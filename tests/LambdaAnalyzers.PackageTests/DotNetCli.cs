using System.Diagnostics;
using System.Text;

namespace LambdaAnalyzers.PackageTests;

/// <summary>The outcome of one <c>dotnet</c> command, with everything it printed.</summary>
internal sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>A description for assertion messages: the command, its exit code and its whole output.</summary>
    public string Describe() =>
        $"`{CommandLine}` (in {WorkingDirectory}) exited with code {ExitCode} after {Elapsed.TotalSeconds:F1} s." + Environment.NewLine +
        "--- stdout ---" + Environment.NewLine + StandardOutput + Environment.NewLine +
        "--- stderr ---" + Environment.NewLine + StandardError;
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process.</summary>
internal static class DotNetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The host that runs this test (set by <c>dotnet test</c>), else <c>dotnet</c> from PATH.</summary>
    private static string DotNetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/>. <paramref name="environment"/> entries are set (or removed when
    /// null) on top of this process's environment. A command still running after <paramref name="timeout"/> is killed with
    /// its process tree, and a <see cref="TimeoutException"/> carrying the output so far is thrown.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        params string[] arguments)
    {
        var startInfo = CreateStartInfo(workingDirectory, environment, arguments);
        var commandLine = "dotnet " + string.Join(' ', arguments.Select(static argument => argument.Contains(' ') ? $"\"{argument}\"" : argument));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        var stopwatch = Stopwatch.StartNew();
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start `{commandLine}`.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using (var timeoutSource = new CancellationTokenSource(timeout))
        {
            try
            {
                // Completes when the process has exited and both output streams are drained.
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException) when (!process.HasExited)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited in the meantime.
                }

                process.WaitForExit(10_000);
                var partial = new CommandResult(commandLine, workingDirectory, -1, Read(stdout), Read(stderr), stopwatch.Elapsed);
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s and killed the process tree. " + partial.Describe());
            }
            catch (OperationCanceledException)
            {
                // Exited, but something it started still holds the output pipes open: keep what was read.
            }
        }

        return new CommandResult(commandLine, workingDirectory, process.ExitCode, Read(stdout), Read(stderr), stopwatch.Elapsed);
    }

    /// <summary>
    /// How <c>dotnet</c> is started for <see cref="RunAsync"/> and for a long-running server: in
    /// <paramref name="workingDirectory"/>, output redirected, without the MSBuild variables that <c>dotnet test</c> hands its
    /// test host, and with <paramref name="environment"/> entries set (or removed when null).
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(DotNetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` hands the test host variables pointing at the outer build's MSBuild; the child picks its own.
        foreach (var name in startInfo.Environment.Keys.Where(static key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
