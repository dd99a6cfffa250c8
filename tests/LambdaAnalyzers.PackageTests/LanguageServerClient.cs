using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaAnalyzers.PackageTests;

/// <summary>
/// A minimal Language Server Protocol client over a server's standard input and output (JSON-RPC messages with
/// <c>Content-Length</c> headers). It answers the server's requests the way an editor with the given settings does and
/// keeps every pushed <c>textDocument/publishDiagnostics</c>. Disposing it kills the server's process tree if it still runs.
/// </summary>
internal sealed class LanguageServerClient : IAsyncDisposable
{
    private const int LogTailLines = 80;

    private readonly Process _process;
    private readonly JsonObject _settings;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<PublishedDiagnostics> _published = [];
    private readonly Queue<string> _log = new();
    private readonly Task _reader;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private string? _readerFailure;

    private LanguageServerClient(Process process, JsonObject settings)
    {
        _process = process;
        _settings = settings;
        _process.ErrorDataReceived += (_, e) => AddLog("stderr", e.Data);
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadMessagesAsync);
    }

    /// <summary>Time since the server was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>How many publications have arrived: a start index for <see cref="WaitForDiagnosticsAsync"/>.</summary>
    public int PublishedCount
    {
        get
        {
            lock (_published)
            {
                return _published.Count;
            }
        }
    }

    /// <summary>
    /// Starts the server. <paramref name="settings"/> are the client's workspace settings (for example
    /// <c>{"csharp": {"analyzersEnabled": true}}</c>): what <c>workspace/configuration</c> answers.
    /// </summary>
    public static LanguageServerClient Start(ProcessStartInfo startInfo, JsonObject settings)
    {
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}.");
        }

        return new LanguageServerClient(process, settings);
    }

    /// <summary>
    /// <c>initialize</c> (with the settings as <c>initializationOptions</c>), <c>initialized</c>, and the settings once more
    /// in <c>workspace/didChangeConfiguration</c>, as editors that push their settings do.
    /// </summary>
    public async Task InitializeAsync(string rootFolder, TimeSpan timeout)
    {
        var rootUri = new Uri(Path.TrimEndingDirectorySeparator(rootFolder) + Path.DirectorySeparatorChar).AbsoluteUri;
        await RequestAsync(
            "initialize",
            new
            {
                processId = Environment.ProcessId,
                clientInfo = new { name = "LambdaAnalyzers.PackageTests" },
                rootUri,
                workspaceFolders = new[] { new { uri = rootUri, name = Path.GetFileName(Path.TrimEndingDirectorySeparator(rootFolder)) } },
                initializationOptions = _settings,
                capabilities = new
                {
                    workspace = new
                    {
                        configuration = true,
                        didChangeConfiguration = new { dynamicRegistration = true },
                        workspaceFolders = true,
                    },
                    // No `diagnostic` capability: a client that cannot pull diagnostics gets them pushed.
                    textDocument = new
                    {
                        synchronization = new { dynamicRegistration = false, didSave = false },
                        publishDiagnostics = new { relatedInformation = false, versionSupport = true },
                    },
                    window = new { workDoneProgress = true },
                },
            },
            timeout);
        await NotifyAsync("initialized", new { });
        await NotifyAsync("workspace/didChangeConfiguration", new { settings = _settings });
    }

    public Task OpenAsync(string path, string text) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = new Uri(path).AbsoluteUri, languageId = "csharp", version = 1, text } });

    /// <summary>A <c>textDocument/didChange</c> that replaces the whole text (full document sync).</summary>
    public Task ChangeAsync(string path, int version, string text) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri = new Uri(path).AbsoluteUri, version }, contentChanges = new[] { new { text } } });

    /// <summary>
    /// The first publication for <paramref name="path"/>, from the <paramref name="since"/>th on, whose diagnostics satisfy
    /// <paramref name="predicate"/>; null when none arrives within <paramref name="timeout"/> or the server stops.
    /// </summary>
    public async Task<PublishedDiagnostics?> WaitForDiagnosticsAsync(
        string path,
        int since,
        Func<IReadOnlyList<ServerDiagnostic>, bool> predicate,
        TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            Task changed;
            lock (_published)
            {
                var found = _published.Skip(since).FirstOrDefault(publication => publication.IsFor(path) && predicate(publication.Diagnostics));
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var remaining = deadline - _clock.Elapsed;
            if (remaining <= TimeSpan.Zero || _reader.IsCompleted)
            {
                return null;
            }

            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }

    /// <summary>
    /// <c>shutdown</c> then <c>exit</c>; the process tree is killed if the server has not exited in time. Returns the
    /// server's exit code, or null when it had to be killed.
    /// </summary>
    public async Task<int?> ShutdownAsync(TimeSpan timeout)
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, timeout);
                await NotifyAsync("exit", null);
            }

            using var wait = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
        {
            AddLog("client", "no clean shutdown: " + exception.Message);
            return null;
        }
        finally
        {
            Kill();
        }
    }

    /// <summary>For assertion messages: the server's state, every publication received, and the tail of its log.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Language server {_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} (in {_process.StartInfo.WorkingDirectory}), {(_process.HasExited ? $"exited with code {_process.ExitCode}" : "running")} after {Elapsed.TotalSeconds:F1} s.");
        if (_readerFailure is not null)
        {
            text.AppendLine("Reading its output failed: " + _readerFailure);
        }

        lock (_published)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- publishDiagnostics received ({_published.Count}) ---");
            foreach (var publication in _published)
            {
                text.AppendLine(publication.ToString());
            }
        }

        lock (_log)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- last {_log.Count} lines of its stderr and log messages ---");
            foreach (var line in _log)
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The output pipe is still held open by something the server started; the process tree is gone.
        }

        _process.Dispose();
        _writeLock.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    private async Task<JsonElement> RequestAsync(string method, object? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        try
        {
            await WriteAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
            var message = await response.Task.WaitAsync(timeout);
            if (message.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"`{method}` failed: {error.GetRawText()}");
            }

            return message.TryGetProperty("result", out var result) ? result : default;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer to `{method}` within {timeout.TotalSeconds:F0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private Task NotifyAsync(string method, object? parameters) =>
        WriteAsync(new { jsonrpc = "2.0", method, @params = parameters });

    private async Task WriteAsync(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            var input = _process.StandardInput.BaseStream;
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadMessagesAsync()
    {
        var output = new BufferedStream(_process.StandardOutput.BaseStream);
        try
        {
            while (await ReadContentLengthAsync(output) is { } length)
            {
                var body = new byte[length];
                await output.ReadExactlyAsync(body);
                using var document = JsonDocument.Parse(body);
                await HandleAsync(document.RootElement.Clone());
            }
        }
        catch (Exception exception)
        {
            // Ends the waits early; Describe() shows why.
            _readerFailure = exception.ToString();
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The language server closed its output."));
            }

            Pulse();
        }
    }

    /// <summary>Reads one message's headers; null at the end of the output.</summary>
    private static async Task<int?> ReadContentLengthAsync(Stream output)
    {
        int? length = null;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one) == 0)
            {
                return line.Length == 0 && length is null ? null : throw new EndOfStreamException("The output ended inside a message header.");
            }

            if (one[0] != (byte)'\n')
            {
                line.Append((char)one[0]);
                continue;
            }

            var header = line.ToString().TrimEnd('\r');
            line.Clear();
            if (header.Length == 0)
            {
                return length ?? throw new FormatException("A message without Content-Length.");
            }

            var colon = header.IndexOf(':');
            if (colon > 0 && header[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
    }

    private async Task HandleAsync(JsonElement message)
    {
        var method = message.TryGetProperty("method", out var methodElement) ? methodElement.GetString() : null;
        var hasId = message.TryGetProperty("id", out var id);
        var parameters = message.TryGetProperty("params", out var paramsElement) ? paramsElement : default;
        if (method is null)
        {
            if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt32(), out var response))
            {
                response.TrySetResult(message);
            }

            return;
        }

        if (hasId)
        {
            // window/workDoneProgress/create, client/registerCapability and anything else take a null result.
            object? result = method == "workspace/configuration" ? Configuration(parameters) : null;
            await WriteAsync(new { jsonrpc = "2.0", id, result });
            return;
        }

        switch (method)
        {
            case "textDocument/publishDiagnostics":
                var publication = ReadPublication(parameters);
                lock (_published)
                {
                    _published.Add(publication);
                }

                Pulse();
                break;
            case "window/logMessage" or "window/showMessage" or "$/logTrace":
                AddLog(method, parameters.TryGetProperty("message", out var text) ? text.GetString() : parameters.GetRawText());
                break;
        }
    }

    /// <summary>The answer to <c>workspace/configuration</c>: per item, the settings' section it names, or null.</summary>
    private JsonArray Configuration(JsonElement parameters)
    {
        var answer = new JsonArray();
        foreach (var item in parameters.GetProperty("items").EnumerateArray())
        {
            JsonNode? node = _settings;
            if (item.TryGetProperty("section", out var section) && section.GetString() is { Length: > 0 } name)
            {
                foreach (var part in name.Split('.'))
                {
                    node = node is JsonObject parent && parent.TryGetPropertyValue(part, out var child) ? child : null;
                }
            }

            answer.Add(node?.DeepClone());
        }

        return answer;
    }

    private PublishedDiagnostics ReadPublication(JsonElement parameters)
    {
        var diagnostics = new List<ServerDiagnostic>();
        foreach (var diagnostic in parameters.GetProperty("diagnostics").EnumerateArray())
        {
            var start = diagnostic.GetProperty("range").GetProperty("start");
            var code = diagnostic.TryGetProperty("code", out var codeElement)
                ? codeElement.ValueKind == JsonValueKind.String ? codeElement.GetString() : codeElement.GetRawText()
                : null;
            var severity = diagnostic.TryGetProperty("severity", out var severityElement) ? severityElement.GetInt32() : (int?)null;
            diagnostics.Add(new ServerDiagnostic(
                code,
                start.GetProperty("line").GetInt32(),
                start.GetProperty("character").GetInt32(),
                severity,
                diagnostic.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""));
        }

        var version = parameters.TryGetProperty("version", out var versionElement) && versionElement.ValueKind == JsonValueKind.Number
            ? versionElement.GetInt32()
            : (int?)null;
        return new PublishedDiagnostics(_clock.Elapsed, parameters.GetProperty("uri").GetString() ?? "", version, diagnostics);
    }

    private void Pulse()
    {
        TaskCompletionSource changed;
        lock (_published)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private void AddLog(string source, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue($"[{_clock.Elapsed.TotalSeconds:F1} s {source}] {line}");
            while (_log.Count > LogTailLines)
            {
                _log.Dequeue();
            }
        }
    }
}
