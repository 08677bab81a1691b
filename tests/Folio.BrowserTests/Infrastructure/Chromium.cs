namespace Folio.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, driven by the Playwright driver that the NuGet package ships (no browser download).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Unavailable { get; } = FindProblem();

    private static string? FindProblem()
    {
        if (!File.Exists(ExecutablePath))
        {
            return $"Chromium is not installed at {ExecutablePath} (apt-get install chromium; .ci/run does it).";
        }

        // The package copies its Node.js driver next to the tests for the build's platform.
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Directory.Exists(Path.Combine(driver, "node"))
            ? Directory.EnumerateFiles(Path.Combine(driver, "node"), "node*", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return node is null || !File.Exists(Path.Combine(driver, "package", "cli.js"))
            ? $"The Playwright driver is missing from {driver}; the Microsoft.Playwright package copies it at build time."
            : null;
    }
}
