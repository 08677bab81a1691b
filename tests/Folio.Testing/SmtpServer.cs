using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using MimeKit;

namespace Folio.Testing;

/// <summary>
/// smtp4dev, a real SMTP server (pinned in .config/dotnet-tools.json, restored here once per run), on free loopback
/// ports with an in-memory store; what it received is read over its web API. <see cref="SharedAsync"/> is one server
/// for the whole run (tests own their data by sending to addresses of their own, <see cref="NewAddress"/>);
/// <see cref="StartAsync"/> starts one a test owns alone, to count its SMTP sessions or to refuse recipients.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    /// <summary>Restoring the tool the first time downloads it; starting it takes seconds on a busy two-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>A server started with <c>refusePrefix: RefusedPrefix</c> answers 5xx to recipients whose address starts with it.</summary>
    public const string RefusedPrefix = "bounce";

    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(
        typeof(SmtpServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FolioContentRoot").Value!, "..", ".."));

    private static readonly SemaphoreSlim Restore = new(1, 1);
    private static bool _restored;
    private static readonly Lazy<Task<SmtpServer>> Shared = new(StartSharedAsync);

    private readonly Process _process;
    private readonly ProcessOutput _output = new();
    private readonly HttpClient _api;

    private SmtpServer(Process process, int smtpPort, Uri api)
    {
        (_process, SmtpPort) = (process, smtpPort);
        _api = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int SmtpPort { get; }

    /// <summary>What points Folio at this server: plain SMTP on loopback, no STARTTLS.</summary>
    public IReadOnlyDictionary<string, string?> FolioSettings => new Dictionary<string, string?>
    {
        ["Folio:Smtp:Host"] = "127.0.0.1",
        ["Folio:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Folio:Smtp:UseStartTls"] = "false",
    };

    /// <summary>What the server wrote so far, for a failure message.</summary>
    public string Log => _output.ToString();

    /// <summary>The run's shared server, started the first time a test asks, stopped when the run ends.</summary>
    public static Task<SmtpServer> SharedAsync() => Shared.Value;

    /// <summary>An address nobody else in the run sends to.</summary>
    public static string NewAddress(string name = "reader") => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)] + "@example.org";

    private static async Task<SmtpServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>A server of its own, stopped when disposed.</summary>
    public static async Task<SmtpServer> StartAsync(string? refusePrefix = null)
    {
        await RestoreToolAsync();
        var (smtpPort, webPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--smtpport={smtpPort}", $"--urls=http://127.0.0.1:{webPort}", "--db=", "--imapport=",
            "--pop3port=", "--nousersettings", "--hostname=localhost", "--messagestokeep=100000", "--sessionstokeep=100000",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        // The tool is built for an older .NET than the one this machine may only have.
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        if (refusePrefix is not null)
        {
            start.Environment["ServerOptions__RecipientValidationExpression"] = $"!recipient.startsWith(\"{refusePrefix}\")";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet tool run smtp4dev did not start.");
        var server = new SmtpServer(process, smtpPort, new Uri($"http://127.0.0.1:{webPort}"));
        server._output.Follow(process);
        try
        {
            await Eventually.TrueAsync(() => server.AnswersAsync(), Timeout, $"smtp4dev to answer on ports {smtpPort} and {webPort}");
        }
        catch (Exception notReady) when (notReady is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"smtp4dev did not start: {notReady.Message}\n{server.Log}", notReady);
        }

        return server;
    }

    /// <summary>The messages received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> MessagesToAsync(string address)
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync($"/api/messages?pageSize=1000&searchTerms={Uri.EscapeDataString(address)}"));
        return [.. Items(json.RootElement)
            .Select(Message)
            .Where(m => m.To.Any(to => to.Contains(address, StringComparison.OrdinalIgnoreCase)))
            .Reverse()];
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived for <paramref name="address"/> and returns them as sent.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(string address, int count = 1)
    {
        var received = await Eventually.ValueAsync(() => MessagesToAsync(address), messages => messages.Count >= count, Timeout,
            $"{count} email(s) to {address} at smtp4dev");
        return await Task.WhenAll(received.Select(m => RawAsync(m.Id)));
    }

    /// <summary>The message as the server received it, every header and part.</summary>
    public async Task<MimeMessage> RawAsync(string id)
    {
        await using var raw = await _api.GetStreamAsync($"/api/messages/{id}/raw");
        using var copy = new MemoryStream();
        await raw.CopyToAsync(copy);
        copy.Position = 0;
        return await MimeMessage.LoadAsync(copy);
    }

    /// <summary>Every message received, for counting (across the whole server).</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> AllMessagesAsync()
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync("/api/messages?pageSize=100000"));
        return [.. Items(json.RootElement).Select(Message)];
    }

    /// <summary>The SMTP sessions (connections) clients opened, with how many messages each carried.</summary>
    public async Task<IReadOnlyList<SmtpSession>> SessionsAsync()
    {
        using var json = JsonDocument.Parse(await _api.GetStringAsync("/api/sessions?pageSize=100000"));
        return [.. Items(json.RootElement).Select(s => new SmtpSession(s.GetProperty("id").ToString(),
            s.TryGetProperty("numberOfMessages", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0))];
    }

    private static ReceivedMessage Message(JsonElement m) => new(
        m.GetProperty("id").ToString(), Strings(m.GetProperty("to")), m.GetProperty("subject").GetString() ?? "", m.GetProperty("receivedDate").GetDateTimeOffset());

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _api.Dispose();
    }

    private void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"smtp4dev exited with {_process.ExitCode}.");
        }

        try
        {
            using var response = await _api.GetAsync("/api/messages");
            using var smtp = new TcpClient();
            await smtp.ConnectAsync(IPAddress.Loopback, SmtpPort);
            return response.IsSuccessStatusCode;
        }
        catch (Exception notYet) when (notYet is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }

    // Listings are paged ({ "results": [...] }) in some versions and plain arrays in others.
    private static IEnumerable<JsonElement> Items(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("results").EnumerateArray();

    private static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString() ?? "")] : [value.GetString() ?? ""];

    private static async Task RestoreToolAsync()
    {
        await Restore.WaitAsync();
        try
        {
            if (_restored)
            {
                return;
            }

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "tool restore")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryRoot,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet tool restore did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet tool restore failed ({process.ExitCode}) in {RepositoryRoot}:\n{await output}\n{await error}");
            }

            _restored = true;
        }
        finally
        {
            Restore.Release();
        }
    }

}

/// <summary>A message as smtp4dev lists it.</summary>
/// <param name="ReceivedAt">When the server had the whole message, by its own clock.</param>
public sealed record ReceivedMessage(string Id, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt);

/// <summary>One SMTP connection a client opened to smtp4dev.</summary>
public sealed record SmtpSession(string Id, int Messages);
