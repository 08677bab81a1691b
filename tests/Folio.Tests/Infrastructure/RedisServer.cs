using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Folio.Tests.Infrastructure;

/// <summary>
/// A throwaway redis-server (Debian's package) on a free loopback port, without persistence, stopped when disposed.
/// Each test starts its own (it takes a few milliseconds), so none is left behind when a test run ends abruptly.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _exited = new();

    private RedisServer(Process process, int port)
    {
        (_process, Port) = (process, port);
    }

    public int Port { get; }

    /// <summary>What StackExchange.Redis and <c>ConnectionStrings:Redis</c> take.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    /// <summary>Why Redis tests can't run here, or null when they can.</summary>
    public static string? Unavailable => FindBinary() is null
        ? "Needs Debian's redis-server package for a throwaway Redis: apt-get install redis-server."
        : null;

    public static RedisServer Start()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(Unavailable);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var server = new RedisServer(process, port);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.WaitUntilAnswering();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>A loopback port that nothing listens on, for a Redis that is away.</summary>
    public static string Unreachable => $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=500";

    // redis-server says when it listens; waiting for that line needs no polling of the port.
    private void WaitUntilAnswering()
    {
        var readyOrExited = WaitHandle.WaitAny([_ready.WaitHandle, _exited.WaitHandle], TimeSpan.FromSeconds(30));
        if (readyOrExited == WaitHandle.WaitTimeout)
        {
            throw new TimeoutException($"redis-server did not start listening on port {Port} within 30 s:\n{Log}");
        }

        if (!_ready.IsSet)
        {
            throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{Log}");
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            _exited.Set();
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
        {
            _ready.Set();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
