using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Folio.Testing;

/// <summary>
/// Folio's executable as an operator runs it: `dotnet Folio.dll` in Production, configured by environment variables,
/// over a data directory of its own unless given one (and, with FOLIO_TEST_DATABASE=postgres, a database of its own
/// unless the settings name one). It serves on a free loopback port, which a browser or a second node needs and
/// WebApplicationFactory's in-memory server does not give, and runs admin commands. Disposing it kills the server
/// and removes what it owns.
/// </summary>
public sealed class FolioProcess : IDisposable
{
    /// <summary>How long a server may take to be ready, or a command to finish, on a busy two-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private const string DatabaseSetting = "ConnectionStrings:Folio";

    private readonly Dictionary<string, string?> _environment;
    private readonly bool _ownsDataDirectory;
    private readonly bool _ownsDatabase;
    private readonly ProcessOutput _output = new();
    private readonly TlsLoopback? _tls;
    private Process? _server;
    private Uri? _address;

    /// <param name="migrateTemplate">
    /// Migrates the PostgreSQL template its own database is copied from, as <see cref="TestDatabase.SettingsFor"/> takes it.
    /// Without one that database starts empty and Folio migrates it, which a command reports on standard error.
    /// </param>
    /// <param name="tls">
    /// Serves https with its certificate, and gives Folio https://localhost:{port} as its address (unless the settings
    /// give one), as a peer that resolves handles over https only needs.
    /// </param>
    public FolioProcess(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null, bool seedDemo = false,
        Action<string>? migrateTemplate = null, TlsLoopback? tls = null)
    {
        settings ??= new Dictionary<string, string?>();
        _tls = tls;
        if (tls is not null)
        {
            settings = tls.KestrelSettings.Concat(settings).ToDictionary();
        }

        _ownsDataDirectory = dataDirectory is null;
        _ownsDatabase = _ownsDataDirectory && !settings.ContainsKey(DatabaseSetting);
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "folio-tests", "process-" + Guid.NewGuid().ToString("N"));
        // On SQLite the database is a file in the data directory, which commands' tests expect to find untouched until
        // the command runs: the SQLite template is for apps in the test process only.
        var database = _ownsDatabase
            ? TestDatabase.SettingsFor(DataDirectory, TestDatabase.IsPostgres ? migrateTemplate : null)
            : new Dictionary<string, string?>();
        _environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Folio__DataDirectory"] = DataDirectory,
            ["Folio__SeedDemo"] = seedDemo ? "true" : "false",
            // No inotify instances: a busy machine (other test hosts alive) runs out of them, and nothing here changes files.
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        };
        foreach (var (key, value) in database.Concat(settings))
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public string DataDirectory { get; }

    public Uri Address => _address ?? throw new InvalidOperationException("This Folio process is not serving; start it with StartAsync.");

    /// <summary>The serving process's id, for reading what the operating system says about it (its memory in /proc).</summary>
    public int ProcessId => _server?.Id ?? throw new InvalidOperationException("This Folio process is not serving; start it with StartAsync.");

    /// <summary>What the server wrote so far, line by line.</summary>
    public IReadOnlyList<string> LogLines => _output.Lines;

    /// <summary>What the server wrote so far, for a failure message.</summary>
    public string Log => string.Join('\n', LogLines);

    /// <summary>A server on a free loopback port, returned once it answers its readiness probe.</summary>
    public static async Task<FolioProcess> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null, bool seedDemo = false,
        TlsLoopback? tls = null)
    {
        var folio = new FolioProcess(settings, dataDirectory, seedDemo, tls: tls);
        try
        {
            await folio.ServeAsync();
        }
        catch
        {
            folio.Dispose();
            throw;
        }

        return folio;
    }

    public Task<FolioRun> RunAsync(params string[] command) => RunAsync(command, standardInput: null);

    /// <summary>An admin command (`user add …`) over this process's data, as an operator would run it next to the server.</summary>
    public async Task<FolioRun> RunAsync(string[] command, string? standardInput)
    {
        using var process = FolioExecutable.Start(command, _environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`folio {string.Join(' ', command)}` did not finish within {Timeout.TotalSeconds} s.");
        }

        return new FolioRun(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Kills the server as a power cut would: SIGKILL, so nothing is flushed or shut down. Its data stays for
    /// <see cref="ServeAsync"/> to start it again.
    /// </summary>
    public void Crash()
    {
        var server = _server ?? throw new InvalidOperationException("This Folio process is not serving.");
        server.Kill(entireProcessTree: true);
        server.WaitForExit();
        server.Dispose();
        _server = null;
        _address = null;
    }

    /// <summary>Starts the server on a free loopback port: the first time, or again over the same data after <see cref="Crash"/>.</summary>
    public async Task ServeAsync()
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("This Folio process is already serving.");
        }

        var port = LoopbackPort.Free();
        var address = new Uri(_tls is null ? $"http://127.0.0.1:{port}" : $"https://localhost:{port}");
        var environment = _environment;
        if (_tls is not null && !environment.ContainsKey("Folio__Site__BaseUrl"))
        {
            environment = new Dictionary<string, string?>(environment) { ["Folio__Site__BaseUrl"] = address.ToString().TrimEnd('/') };
        }

        // localhost binds 127.0.0.1 and ::1, whichever a client's resolver tries first.
        var server = _server = FolioExecutable.Start(["--urls", address.ToString().TrimEnd('/')], environment);
        server.StandardInput.Close();
        _output.Follow(server);

        using var http = _tls is null ? new HttpClient() : new HttpClient(_tls.TrustingHandler());
        (http.BaseAddress, http.Timeout) = (address, TimeSpan.FromSeconds(10));
        try
        {
            await Eventually.ValueAsync(() => ReadinessAsync(http), state => state == HttpStatusCode.OK.ToString() || server.HasExited,
                Timeout, $"Folio to answer /readyz at {address}");
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message}\n{Log}", timedOut);
        }

        if (server.HasExited)
        {
            throw new InvalidOperationException($"Folio exited with {server.ExitCode} before it was ready:\n{Log}");
        }

        // Ready with the wrong content root would serve pages without their styles, scripts or appsettings.
        using var stylesheet = await http.GetAsync("/css/site.css");
        if (stylesheet.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Folio is ready but does not serve its static files ({(int)stylesheet.StatusCode}); is the content root right?\n{Log}");
        }

        _address = address;
    }

    private async Task<string> ReadinessAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            return response.StatusCode.ToString();
        }
        catch (Exception notListening) when (notListening is HttpRequestException or TaskCanceledException)
        {
            return notListening.Message;
        }
    }

    public void Dispose()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
            }

            _server.WaitForExit();
            _server.Dispose();
        }

        if (_ownsDatabase)
        {
            TestDatabase.Drop(DataDirectory);
        }

        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Never created, or a file still held for a moment; the OS temp cleaner takes it later.
            }
        }
    }
}
