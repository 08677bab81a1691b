using System.Text;
using System.Text.Json.Nodes;

namespace Folio.Tests.Fuzzing;

/// <summary>An API operation called validly (from its OpenAPI description), then changed in one way.</summary>
public static class ApiRequests
{
    private static readonly string[] BadJson =
    [
        "", "{", "{\"a\":", "[", "null", "[]", "\"text\"", "{}{}", "{,}", "{\"title\":\"x\",}", "{'title':'x'}", "NaN",
        "{\"title\": NaN}", "{\"title\":\"x\" // comment\n}", "\uFEFF{}", "{\"title\":\"a\",\"title\":\"b\"}", new string('[', 10_000),
        "{\"a\":" + new string('{', 5_000), "{\"title\":\"\\ud800\"}", "{\"title\":\"\\u0000\"}", "1e400",
    ];

    private static readonly Func<JsonNode?>[] WrongValues =
    [
        () => 123, () => -1, () => 2147483648L, () => "abc", () => true, () => null, () => new JsonArray(), () => new JsonObject(),
        () => HostileValues.Huge, () => "not-a-known-value", () => 1.5, () => "2026-13-45T99:00:00Z", () => new JsonArray(1, "x", null),
        () => new JsonObject { ["$type"] = "System.IO.FileInfo" }, () => "<script>alert(1)</script>", () => "../../etc/passwd",
    ];

    public static FuzzRequest Mutate(OpenApiOperation operation, FuzzSite site, Random random)
    {
        var path = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => site.ValueFor(p.Name, random));
        var query = operation.Parameters.Where(p => p.In == "query" && (p.Required || random.Next(2) == 0))
            .ToDictionary(p => p.Name, p => p.Sample?.ToString() ?? "1");
        var body = operation.Body?.DeepClone().AsObject();
        var headers = new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + site.Token) };
        var identity = "token";
        var method = operation.Method;
        var contentType = body is null ? null : "application/json";
        string mutation;
        byte[]? raw = null;
        var fields = body?.Select(p => p.Key).ToList() ?? [];
        switch (random.Next(14))
        {
            case 0 or 1 when fields.Count > 0:
                var field = random.Pick(fields);
                body![field] = random.Pick(WrongValues)();
                mutation = $"body {field} wrong type or value";
                break;
            case 2 when fields.Count > 0:
                var missing = random.Pick(fields);
                body!.Remove(missing);
                mutation = $"body {missing} missing";
                break;
            case 3 when body is not null:
                body[random.Pick(["extra", "id", "authorId", "status", "__proto__", ""])] = random.Pick(WrongValues)();
                mutation = "body extra field";
                break;
            case 4:
                raw = Encoding.UTF8.GetBytes(random.Pick(BadJson));
                contentType = "application/json";
                mutation = "bad JSON";
                break;
            case 5:
                var json = Encoding.UTF8.GetBytes((body ?? []).ToJsonString()).ToList();
                var quote = json.IndexOf((byte)'"', Math.Min(json.Count - 1, 2));
                json.InsertRange(quote < 0 ? json.Count / 2 : quote + 1, random.Pick(HostileValues.InvalidUtf8));
                raw = [.. json];
                contentType = "application/json";
                mutation = "invalid UTF-8 in JSON";
                break;
            case 6:
                contentType = random.Pick(HostileValues.ContentTypes);
                raw = contentType.StartsWith("multipart", StringComparison.Ordinal)
                    ? FormBody.Multipart([new("title", "x")]).Body
                    : Encoding.UTF8.GetBytes((body ?? []).ToJsonString());
                mutation = $"content type {contentType.Split(';')[0]}";
                break;
            case 7 when path.Count > 0:
                var name = random.Pick(path.Keys.ToList());
                path[name] = random.Pick(random.Next(3) == 0 ? HostileValues.PathSegments : HostileValues.Ids);
                mutation = $"path {name} bad";
                break;
            case 8:
                var parameter = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name).DefaultIfEmpty("cursor").ToList();
                var queryName = random.Pick(parameter);
                query[queryName] = random.Next(2) == 0 ? random.Pick(HostileValues.Ids) : random.Pick(HostileValues.Text);
                mutation = $"query {queryName} bad";
                break;
            case 9:
                headers.Add(new("Accept", random.Pick(HostileValues.Accepts)));
                if (random.Next(2) == 0)
                {
                    headers.RemoveAt(0);
                    identity = "anonymous";
                }

                mutation = "odd Accept";
                break;
            case 10:
                headers.Clear();
                var header = random.Pick(HostileValues.Headers);
                identity = random.Next(2) == 0 ? "anonymous" : "writer";
                headers.Add(new(header.Name, header.Value));
                mutation = $"identity {header.Name}";
                break;
            case 11:
                method = random.Pick(HostileValues.OddMethods);
                mutation = "odd method";
                break;
            default:
                var extra = random.Pick(HostileValues.Headers);
                headers.Add(new(extra.Name, extra.Value));
                mutation = $"header {extra.Name}";
                break;
        }

        var url = operation.Template;
        foreach (var (name, value) in path)
        {
            url = url.Replace("{" + name + "}", value.Contains('%') ? value : Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        url = FormBody.WithQueryString(url, query);
        raw ??= body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        return new FuzzRequest(identity, method, url, operation.Template, mutation) { Body = raw, ContentType = contentType, Headers = headers };
    }
}
