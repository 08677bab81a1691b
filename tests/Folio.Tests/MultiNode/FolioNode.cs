using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Folio.Tests.MultiNode;

/// <summary>
/// One Folio process, as an operator runs it: `dotnet Folio.dll --urls …` in Production, configured by environment
/// variables, with a data directory of its own. Killed and its directory removed when disposed.
/// </summary>
public sealed class FolioNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private FolioNode(Process process, Uri address, string dataDirectory)
    {
        (_process, Address, DataDirectory) = (process, address, dataDirectory);
    }

    public Uri Address { get; }
    public string DataDirectory { get; }

    /// <summary>What the node wrote so far, for a failure message.</summary>
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

    public static async Task<FolioNode> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("folio-node-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(settings, dataDirectory, "--urls", address.ToString().TrimEnd('/'), $"--contentRoot={ContentRoot}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new FolioNode(process, address, dataDirectory);
        process.OutputDataReceived += (_, line) => node.Append(line.Data);
        process.ErrorDataReceived += (_, line) => node.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilAnsweringAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>An admin command (`user add …`) against the same database, as an operator would run it; its standard output.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, string[] command, string? standardInput = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("folio-command-").FullName;
        try
        {
            var start = StartInfo(settings, dataDirectory, command);
            start.RedirectStandardInput = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync(standardInput ?? "");
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StartTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{string.Join(' ', command)}` did not finish within {StartTimeout.TotalSeconds} s.");
            }

            Assert.True(process.ExitCode == 0, $"`{string.Join(' ', command)}` failed ({process.ExitCode}): {await error}");
            return (await output).Trim();
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ContentRoot,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Folio__DataDirectory"] = dataDirectory;
        start.Environment["Folio__SeedDemo"] = "false";
        foreach (var (key, value) in settings)
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

    /// <summary>src/Folio, whose wwwroot and appsettings the node serves.</summary>
    private static string ContentRoot { get; } = FindContentRoot();

    private static string FindContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Folio");
            if (File.Exists(Path.Combine(candidate, "Folio.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No src/Folio above {AppContext.BaseDirectory}.");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Folio exited with {_process.ExitCode} before answering:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
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
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the OS temp cleaner takes it later.
        }
    }
}
