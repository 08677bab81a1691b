using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Folio.Tests.Infrastructure;

namespace Folio.BrowserTests.Infrastructure;

/// <summary>
/// The real app, built by the project reference, as its own process on a free loopback port: a browser needs a
/// real socket, which WebApplicationFactory's in-memory server does not give. Its data lives in a temporary
/// directory that goes away with it.
/// </summary>
public sealed class FolioServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private FolioServer(Process process, Uri address, string dataDirectory, bool seedDemo)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
        SeedDemo = seedDemo;
    }

    public Uri Address { get; }
    public string DataDirectory { get; }
    public bool SeedDemo { get; }

    /// <summary>What the app wrote so far, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<FolioServer> StartAsync(bool seedDemo = false)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("folio-browser-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = App.StartInfo(dataDirectory, seedDemo, "--urls", address.ToString().TrimEnd('/'));
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new FolioServer(process, address, dataDirectory, seedDemo);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilAnsweringAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Runs an admin command (`community add …`) against this server's database, as an operator would.</summary>
    public async Task<string> RunCommandAsync(string[] command, string? standardInput = null)
    {
        var start = App.StartInfo(DataDirectory, SeedDemo, command);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(standardInput ?? "");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', command)}` did not finish within a minute.");
        }

        Assert.True(process.ExitCode == 0, $"`{string.Join(' ', command)}` failed ({process.ExitCode}): {await error}");
        return (await output).Trim();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Folio exited with {_process.ExitCode} before answering:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync("/css/site.css");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                throw new InvalidOperationException($"Folio answers but does not serve its static files ({(int)response.StatusCode}); is the content root right?\n{Log}");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"Folio did not answer at {Address} within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        TestDatabase.Drop(DataDirectory);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the OS temp cleaner takes it later.
        }
    }

    /// <summary>Where the project reference put Folio.dll, and the source folder whose wwwroot and appsettings it serves.</summary>
    private static class App
    {
        private static readonly string Dll = Metadata("FolioDll");
        private static readonly string ContentRoot = Metadata("FolioContentRoot");

        public static ProcessStartInfo StartInfo(string dataDirectory, bool seedDemo, params string[] arguments)
        {
            if (!File.Exists(Dll))
            {
                throw new FileNotFoundException($"Folio is not built at {Dll}; build the solution first.", Dll);
            }

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = ContentRoot,
            };
            start.ArgumentList.Add(Dll);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add($"--contentRoot={ContentRoot}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Folio__DataDirectory"] = dataDirectory;
            start.Environment["Folio__SeedDemo"] = seedDemo ? "true" : "false";
            foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            // No inotify instances: a busy machine (other test hosts alive) runs out of them, and nothing here changes files.
            start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
            start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
            return start;
        }

        private static string Metadata(string key) =>
            typeof(App).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"The test assembly has no {key}.");
    }
}
