using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Operations;

/// <summary>What an operator relies on when Folio runs behind a load balancer: forwarded headers and structured logs.</summary>
public sealed class BehindAProxyTests
{
    [Theory]
    [InlineData(true, "https://stories.example.org/")]
    [InlineData(false, "http://localhost/")]
    public async Task ForwardedHeadersAreTrustedOnlyWhenTheOperatorSaysSo(bool enabled, string canonical)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true in the environment is this setting.
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = enabled ? "true" : "false" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/")
        {
            Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.7" }, { "Host", enabled ? "stories.example.org" : "localhost" } },
        };

        using var response = await client.SendAsync(request);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task WithTheJsonFormatterEachRequestLogLineCarriesItsTraceId()
    {
        using var folio = await FolioProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        using var client = new HttpClient { BaseAddress = folio.Address };
        var traceId = ActivityTraceId.CreateRandom().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } } };
        (await client.SendAsync(request)).Dispose();

        var log = await Eventually.ValueAsync(() => folio.LogLines, lines => lines.Any(l => IsRequestFinished(l, traceId)),
            within: TimeSpan.FromSeconds(5), because: $"a request log line with the trace id {traceId}");
        using var json = JsonDocument.Parse(log.First(l => IsRequestFinished(l, traceId)));
        var root = json.RootElement;
        Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", root.GetProperty("Category").GetString());
        Assert.EndsWith("Z", root.GetProperty("Timestamp").GetString());
        var scopes = root.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        Assert.Contains(scopes, s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/healthz");
    }

    private static bool IsRequestFinished(string line, string traceId) =>
        line.Contains(traceId, StringComparison.Ordinal) && line.Contains("Request finished", StringComparison.Ordinal);
}
