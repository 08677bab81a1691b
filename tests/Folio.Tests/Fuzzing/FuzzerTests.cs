using System.Net;
using Xunit.Abstractions;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Hostile requests against the real executable with demo content, as anyone, a signed-in creator, an admin and an API
/// token: every form on the pages they reach and every API operation in the OpenAPI document, each changed in one way.
/// FOLIO_FUZZ_SEED picks the requests (the same seed sends the same ones) and FOLIO_FUZZ_REQUESTS how many (5,000 unless told).
/// </summary>
public sealed class FuzzerTests(ITestOutputHelper output)
{
    private static readonly string[] StartPages =
    [
        "/", "/explore", "/top", "/search?q=night", "/write", "/settings", "/settings/account", "/settings/email", "/settings/reading", "/settings/tokens", "/settings/data",
        "/settings/export", "/signin", "/signup", "/forgot-password", "/reset-password", "/confirm-email", "/me/stories", "/following", "/saved",
        "/notifications", "/insights", "/developers", "/moderation", "/moderation/reports", "/moderation/comments", "/admin/webhooks",
        "/admin/webhooks/new", "/authors/maya", "/authors/tomas", "/contact", "/goodbye",
    ];

    [Fact]
    public async Task HostileRequestsNeverGetA5xxAndLeaveTheServerHealthy()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FOLIO_FUZZ_SEED"), out var s) ? s : 13;
        var count = int.TryParse(Environment.GetEnvironmentVariable("FOLIO_FUZZ_REQUESTS"), out var n) ? n : 5_000;
        using var folio = await FolioProcess.StartAsync(ServerLog.Settings, seedDemo: true);
        var (clients, site) = await FuzzIdentities.PrepareAsync(folio);
        var forms = new List<FormTarget>();
        var pages = new List<(string, string)>();
        foreach (var identity in new[] { FuzzIdentities.Anonymous, FuzzIdentities.Writer, FuzzIdentities.Admin })
        {
            var start = StartPages.Concat(site.CommunitySlugs.Take(2).Select(slug => "/" + slug)).Concat(site.StoryIds.Take(3).Select(id => $"/stories/{id}/comments"));
            var (reached, found) = await FormDiscovery.CrawlAsync(clients[identity], identity, start, maxPages: 80);
            forms.AddRange(found);
            pages.AddRange(reached.Select(page => (identity, page)));
            if (found.SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == FormTarget.TokenField) is { } token)
            {
                site.AntiforgeryTokens[identity] = token.Value;
            }
        }

        var operations = OpenApiOperation.Read(await clients[FuzzIdentities.Anonymous].GetStringAsync("/openapi/v1.json"));
        var requests = new FuzzPlan(forms, pages, operations, site).Draw(seed, count);
        output.WriteLine($"seed {seed}: {requests.Count} requests over {forms.Count} forms, {pages.Count} pages, {operations.Count} API operations");

        var campaign = new FuzzCampaign(clients);
        await campaign.RunAsync(requests, parallelism: 4);

        var unhealthy = await UnhealthyAsync(clients[FuzzIdentities.Anonymous], site);
        var errors = ServerLog.Errors(folio.LogLines);
        var report = $"seed {seed}, {count} requests; {campaign.Summary()}\n"
            + (unhealthy.Count > 0 ? "Unhealthy afterwards: " + string.Join("; ", unhealthy) + "\n" : "")
            + $"{campaign.Failures.Count} kinds of request answered 5xx or not at all:\n{campaign.Report()}"
            + $"{errors.Count} distinct errors in the server log:\n{string.Join("\n\n", errors)}";
        output.WriteLine(report);
        Assert.True(campaign.Failures.Count == 0 && unhealthy.Count == 0 && errors.Count == 0, report);
    }

    /// <summary>What still fails once the fuzzing is over: the health checks, and a few pages anyone reads.</summary>
    private static async Task<List<string>> UnhealthyAsync(HttpClient client, FuzzSite site)
    {
        var unhealthy = new List<string>();
        foreach (var url in new[] { "/healthz", "/readyz", "/", "/explore", "/" + site.CommunitySlugs[0], "/api/v1/stories", "/signin" })
        {
            using var response = await client.GetAsync(url);
            // Many requests from one address just before may have used up the API's allowance: a limit is not ill health.
            if (response.StatusCode != HttpStatusCode.OK && !(url.StartsWith("/api/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.TooManyRequests))
            {
                unhealthy.Add($"GET {url} answered {(int)response.StatusCode}");
            }
        }

        return unhealthy;
    }
}
