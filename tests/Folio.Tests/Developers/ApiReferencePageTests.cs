using System.Text.Json;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Developers;

public sealed class ApiReferencePageTests : IDisposable
{
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Folio:Api:RequestsPerMinute"] = "240",
        ["Folio:Api:AnonymousRequestsPerMinute"] = "45",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheMeEndpointIsDescribedWithWhoMayCallItAndWhatItAnswers()
    {
        var page = await _app.GetPageAsync("/developers");

        var me = Assert.Single(page.QuerySelectorAll(".api-operation"),
            o => o.QuerySelector(".api-operation__path")?.TextContent == "/api/v1/me" && o.QuerySelector(".api-method")?.TextContent == "GET");
        Assert.Equal("The account the token acts as", me.QuerySelector(".api-operation__summary")?.TextContent);
        Assert.Contains("Any account, with its token", me.QuerySelector(".api-access")?.TextContent);
        var statuses = me.QuerySelectorAll(".api-status").Select(s => s.TextContent).ToList();
        Assert.Contains("200", statuses);
        Assert.Contains("401", statuses);
        Assert.NotNull(me.QuerySelector(".api-responses a[href='#schema-ApiMe']"));
        Assert.NotNull(page.QuerySelector($"#{me.Id}"));
        Assert.NotNull(page.QuerySelector($".api-toc a[href='#{me.Id}']"));

        var schema = page.QuerySelector("#schema-ApiMe");
        Assert.NotNull(schema);
        var fields = schema.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th code")!.TextContent, r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("string", fields["username"]);
        Assert.Equal("string or null", fields["avatarUrl"]);
        Assert.Equal("string (date-time)", fields["joinedAt"]);
        Assert.Equal("array of string", fields["roles"]);
        Assert.Empty(schema.QuerySelectorAll(".api-required"));
    }

    [Fact]
    public async Task EveryOperationOfTheOpenApiDocumentIsOnThePage()
    {
        using var client = _app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var page = await _app.GetPageAsync("/developers");

        var shown = page.QuerySelectorAll(".api-operation")
            .Select(o => (o.QuerySelector(".api-method")!.TextContent, o.QuerySelector(".api-operation__path")!.TextContent))
            .ToList();
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => (o.Name.ToUpperInvariant(), path.Name)))
            .ToList();
        Assert.NotEmpty(documented);
        Assert.Equal(documented.Order(), shown.Order());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name);
        Assert.All(schemas, name => Assert.NotNull(page.QuerySelector($"#schema-{name} .api-schema__title")));
    }

    [Fact]
    public async Task TheIntroductionExplainsTokensErrorsPagingAndTheConfiguredRateLimits()
    {
        var page = await _app.GetPageAsync("/developers");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Contains("API reference", page.Title);
        Assert.Contains("personal access token", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Contains("Authorization: Bearer", page.QuerySelector("#authentication")?.TextContent);
        Assert.NotNull(page.QuerySelector("#authentication a[href='/settings/tokens']"));
        Assert.Contains("application/problem+json", page.QuerySelector("#errors")?.TextContent);
        Assert.Contains("cursor", page.QuerySelector("#paging")?.TextContent);
        Assert.Contains("next", page.QuerySelector("#paging")?.TextContent);
        var limits = page.QuerySelector("#rate-limits")!.TextContent;
        Assert.Contains("240 requests a minute", limits);
        Assert.Contains("45 a minute", limits);
        Assert.Contains("Retry-After", limits);
        Assert.NotNull(page.QuerySelector("main a[href='/openapi/v1.json']"));
        Assert.NotNull(page.QuerySelector(".footer-nav a[href='/developers']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));
    }
}
