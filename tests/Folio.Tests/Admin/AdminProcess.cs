using System.Diagnostics;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Admin;

public sealed record AdminRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}

/// <summary>Runs Folio's executable as an operator would: `dotnet Folio.dll user add …`, configured by environment variables.</summary>
public sealed class AdminProcess : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "folio-tests", "admin-" + Guid.NewGuid().ToString("N"));

    public Task<AdminRun> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public async Task<AdminRun> RunAsync(string[] args, string? stdin, bool seedDemo = false)
    {
        var folio = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(folio),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Folio__DataDirectory"] = DataDirectory,
                ["Folio__SeedDemo"] = seedDemo ? "true" : "false",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        start.ArgumentList.Add(folio);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory, FolioApp.MigrateTemplate))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"folio {string.Join(' ', args)} did not exit within 60 s");
        }

        return new AdminRun(process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        TestDatabase.Drop(DataDirectory);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the OS temp cleaner takes it later.
        }
    }
}
