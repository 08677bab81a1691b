using System.Diagnostics;
using System.Reflection;

namespace Folio.Testing;

/// <summary>
/// The checkers of DESIGN.md's quality bar that are not .NET packages: the Nu Html Checker (npm's vnu-jar, run with
/// Java) and Lighthouse, both installed by `npm ci` in tests/quality (.ci/run does it, and installs Java with apt).
/// </summary>
public static class QualityTools
{
    public static readonly string Folder = typeof(QualityTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FolioQualityTools").Value ?? throw new InvalidOperationException("Folio.Testing was built without FolioQualityTools.");

    public static string VnuJar => Path.Combine(Folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string LighthouseCli => Path.Combine(Folder, "node_modules", "lighthouse", "cli", "index.js");

    /// <summary>Why the Nu Html Checker cannot run here, or null when it can.</summary>
    public static string? NuCheckerMissing =>
        FindOnPath("java") is null ? "Needs Java for the Nu Html Checker: apt-get install default-jre-headless (.ci/run does it)."
        : !File.Exists(VnuJar) ? $"Needs the Nu Html Checker at {VnuJar}: run `npm ci` in {Folder} (.ci/run does it)."
        : null;

    /// <summary>Why Lighthouse cannot run here, or null when it can.</summary>
    public static string? LighthouseMissing =>
        FindOnPath("node") is null ? "Needs Node.js for Lighthouse."
        : !File.Exists(LighthouseCli) ? $"Needs Lighthouse at {LighthouseCli}: run `npm ci` in {Folder} (.ci/run does it)."
        : null;

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, program))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs a checker to the end (or kills it after <paramref name="within"/>) and returns what it wrote.</summary>
    public static async Task<FolioRun> RunAsync(string program, IEnumerable<string> arguments, TimeSpan within,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{program} {string.Join(' ', start.ArgumentList)}` did not finish within {within.TotalSeconds} s.");
        }

        return new FolioRun(process.ExitCode, await output, await error);
    }
}
