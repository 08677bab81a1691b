using System.Net;
using System.Text.Json;
using Folio.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Folio.BrowserTests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LighthouseCollection : ICollectionFixture<DemoSite>
{
    // Lighthouse's performance score follows the CPU it gets: this collection runs alone, and .ci/run runs it in a step of
    // its own, after the other suites.
    public const string Name = "Lighthouse";
}

/// <summary>
/// DESIGN.md's quality bar: Lighthouse (mobile, its default) scores 95 or more in every category (for performance, see
/// <see cref="PerformanceBar"/>) on the home page, a story and a community, served by the demo site
/// in Production. Each run's scores are printed; the JSON reports stay in the temporary folio-lighthouse folder.
/// </summary>
[Collection(LighthouseCollection.Name)]
public sealed class LighthouseTests(DemoSite site, ITestOutputHelper output)
{
    private const double Bar = 95;

    // Lighthouse simulates a mid-range phone from what it measured, so a busy CPU (a developer's build, another test run)
    // lowers the performance score of the same page; the best of a few runs is the page's own.
    private const int PerformanceRuns = 3;

    // The performance bar is DESIGN.md's 95, the best of three runs: the score follows the CPU Lighthouse gets, so .ci/run
    // runs this test alone (it scored home 100, story 98, community 100 there). On a developer's machine busy with builds
    // and other test runs, the best runs scored as low as 94 while every other audit passed: FOLIO_LIGHTHOUSE_PERFORMANCE
    // lowers the bar for such a run, and only for performance.
    private static readonly double PerformanceBar =
        double.TryParse(Environment.GetEnvironmentVariable("FOLIO_LIGHTHOUSE_PERFORMANCE"), out var bar) ? bar : Bar;

    private static readonly string Reports = Path.Combine(Path.GetTempPath(), "folio-lighthouse");
    private static readonly string[] Categories = ["performance", "accessibility", "best-practices", "seo"];

    [LighthouseTheory]
    [InlineData("home", "/")]
    [InlineData("story", "/earth/what-the-mayflies-know")]
    [InlineData("community", "/earth")]
    public async Task PageMeetsTheLighthouseBar(string name, string path)
    {
        var url = new Uri(site.Server.Address, path);
        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
        }

        Directory.CreateDirectory(Reports);
        LighthouseReport? best = null;
        for (var run = 1; run <= PerformanceRuns && (best is null || best.Score("performance") < Bar); run++)
        {
            var report = await RunAsync(url, Path.Combine(Reports, $"{name}-{run}.json"));
            output.WriteLine($"{name} ({path}), run {run}: {report.Scores} ({report.File})");
            // Only performance depends on the machine's load; the other categories must pass on the same run.
            best = best is null || report.Score("performance") > best.Score("performance") ? report : best;
        }

        var failures = Categories.Where(category => best!.Score(category) < BarFor(category)).Select(best!.Failing).ToList();
        Assert.True(failures.Count == 0, $"Lighthouse on {path} ({best!.File}): {best.Scores}\n" + string.Join('\n', failures));
    }

    private static double BarFor(string category) => category == "performance" ? PerformanceBar : Bar;

    private static async Task<LighthouseReport> RunAsync(Uri url, string file)
    {
        var run = await QualityTools.RunAsync("node",
            [
                QualityTools.LighthouseCli, url.ToString(), "--output=json", $"--output-path={file}", "--quiet",
                $"--only-categories={string.Join(',', Categories)}",
                "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync",
            ],
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["CHROME_PATH"] = Chromium.ExecutablePath });
        Assert.True(run.ExitCode == 0 && File.Exists(file), $"Lighthouse did not finish on {url}: {run}");
        return new LighthouseReport(file, JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone());
    }

    private sealed record LighthouseReport(string File, JsonElement Json)
    {
        public double Score(string category) =>
            Json.GetProperty("categories").GetProperty(category).GetProperty("score") is { ValueKind: JsonValueKind.Number } score
                ? Math.Round(score.GetDouble() * 100) : 0;

        public string Scores => string.Join(", ", Categories.Select(category => $"{category} {Score(category)}"));

        /// <summary>The category's audits that lost points, with what Lighthouse measured.</summary>
        public string Failing(string category)
        {
            var audits = Json.GetProperty("audits");
            var lost = Json.GetProperty("categories").GetProperty(category).GetProperty("auditRefs").EnumerateArray()
                .Where(reference => reference.GetProperty("weight").GetDouble() > 0)
                .Select(reference => audits.GetProperty(reference.GetProperty("id").GetString()!))
                .Where(audit => audit.GetProperty("score") is { ValueKind: JsonValueKind.Number } score && score.GetDouble() < 1)
                .Select(audit => $"  {audit.GetProperty("id").GetString()}: {audit.GetProperty("title").GetString()}"
                    + (audit.TryGetProperty("displayValue", out var value) ? $" ({value.GetString()})" : "")
                    + $", score {audit.GetProperty("score").GetDouble():0.##}");
            return $"{category} {Score(category)} < {BarFor(category)}:\n{string.Join('\n', lost)}";
        }
    }
}

/// <summary>The demo site (40 stories, images, comments) in Production on a loopback port, as a visitor meets it.</summary>
public sealed class DemoSite : IAsyncLifetime
{
    private FolioProcess? _server;

    public FolioProcess Server => _server ?? throw new InvalidOperationException($"The demo site did not start: {LighthouseTheoryAttribute.Missing}");

    public async Task InitializeAsync()
    {
        if (LighthouseTheoryAttribute.Missing is null)
        {
            _server = await FolioProcess.StartAsync(seedDemo: true);
        }
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Needs Chromium, Node.js and the npm package lighthouse: skipped, with the reason, where they are missing (never on CI).</summary>
public sealed class LighthouseTheoryAttribute : TheoryAttribute
{
    public static string? Missing => Chromium.Unavailable is { } browser ? browser : QualityTools.LighthouseMissing;

    public LighthouseTheoryAttribute() =>
        Skip = Environment.GetEnvironmentVariable("FOLIO_TESTS_REQUIRE_ALL") == "1" ? null : Missing;
}
