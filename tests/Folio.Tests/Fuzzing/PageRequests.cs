namespace Folio.Tests.Fuzzing;

/// <summary>A page one identity reached, asked for in an odd way: another method, Accept or header, a bad query, a path that climbs out.</summary>
public static class PageRequests
{
    private static readonly string[] QueryNames = ["page", "cursor", "after", "before", "sort", "q", "tab", "tag", "community", "returnUrl", "handler", "filter", "status", "id"];

    /// <summary>Endpoints the site's scripts call, which no form on a page shows.</summary>
    private static readonly string[] ScriptEndpoints =
    [
        "/stories/{id}/heart", "/stories/{id}/save", "/stories/{id}/read-token", "/stories/{id}/read", "/editor/preview", "/editor/autosave/{id}",
        "/notifications/{id}", "/following/creators/{username}", "/following/communities/{slug}", "/theme/communities.css",
        "/media/{id}", "/media/..%2f..%2fappsettings.json", "/css/..%2f..%2fappsettings.json", "/%2e%2e/%2e%2e/etc/passwd",
        "/error/{id}", "/stories/{id}/comments", "/comments/{id}",
    ];

    public static FuzzRequest Mutate(string identity, string page, FuzzSite site, Random random)
    {
        var template = PathTemplate.Of(page);
        return random.Next(8) switch
        {
            0 => new FuzzRequest(identity, random.Pick(HostileValues.OddMethods), page, template, "odd method"),
            1 => new FuzzRequest(identity, "GET", page, template, "odd Accept") { Headers = [new("Accept", random.Pick(HostileValues.Accepts))] },
            2 => WithHeader(identity, page, template, random),
            3 or 4 => BadQuery(identity, page, template, random),
            5 => ClimbingPath(identity, page, template, random),
            _ => ScriptEndpoint(identity, site, random),
        };
    }

    private static FuzzRequest WithHeader(string identity, string page, string template, Random random)
    {
        var (name, value) = random.Pick(HostileValues.Headers);
        return new FuzzRequest(identity, "GET", page, template, $"header {name}") { Headers = [new(name, value)] };
    }

    private static FuzzRequest BadQuery(string identity, string page, string template, Random random)
    {
        var name = random.Pick(QueryNames);
        var value = random.Next(2) == 0 ? random.Pick(HostileValues.Ids) : random.Pick(HostileValues.Text);
        var url = value.Contains('%') ? page + (page.Contains('?') ? "&" : "?") + name + "=" + value : FormBody.WithQuery(page, name, value);
        return new FuzzRequest(identity, "GET", url, template, $"query {name} bad");
    }

    private static FuzzRequest ClimbingPath(string identity, string page, string template, Random random)
    {
        var path = page.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var segment = random.Pick(HostileValues.PathSegments);
        if (path.Count == 0 || random.Next(2) == 0)
        {
            path.Add(segment);
        }
        else
        {
            path[random.Next(path.Count)] = segment;
        }

        return new FuzzRequest(identity, "GET", "/" + string.Join('/', path), template, "path segment hostile");
    }

    private static FuzzRequest ScriptEndpoint(string identity, FuzzSite site, Random random)
    {
        var template = random.Pick(ScriptEndpoints);
        var url = template.Replace("{id}", random.Next(2) == 0 ? random.Pick(site.StoryIds) : random.Pick(HostileValues.Ids))
            .Replace("{username}", Uri.EscapeDataString(random.Next(2) == 0 ? random.Pick(site.Usernames) : random.Pick(HostileValues.Text)))
            .Replace("{slug}", Uri.EscapeDataString(random.Next(2) == 0 ? random.Pick(site.CommunitySlugs) : random.Pick(HostileValues.Text)));
        var method = random.Next(4) == 0 ? random.Pick(HostileValues.OddMethods) : random.Next(3) == 0 ? "GET" : "POST";
        var token = site.AntiforgeryTokens.GetValueOrDefault(identity) ?? "";
        var fields = new List<KeyValuePair<string, string>>
        {
            new(FormTarget.TokenField, token),
            new(random.Pick(["follow", "subscribe", "markdown", "text", "title", "token", "returnUrl", "heart"]), random.Pick(HostileValues.Text)),
        };
        var (body, contentType) = random.Next(4) switch
        {
            0 => (HostileValues.Utf8("{\"markdown\":" + random.Pick(["1", "null", "\"x\"", "[", "\"" + HostileValues.Huge + "\""]) + "}"), "application/json"),
            1 => FormBody.Multipart(fields),
            _ => (FormBody.Encode(fields), random.Pick(HostileValues.ContentTypes)),
        };
        return new FuzzRequest(identity, method, url, template, "script endpoint") {
            Body = method == "GET" ? null : body,
            ContentType = contentType,
            Headers = [new("RequestVerificationToken", token)],
        };
    }
}
