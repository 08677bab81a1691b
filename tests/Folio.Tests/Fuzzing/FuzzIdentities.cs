using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// The people the fuzzer acts as on a running Folio with demo content: anyone, a demo creator signed in (maya, who has
/// stories), an admin signed in, and maya's API token; each with a client of its own so their cookies never mix.
/// </summary>
public static class FuzzIdentities
{
    public const string Anonymous = "anonymous";
    public const string Writer = "writer";
    public const string Admin = "admin";
    public const string Token = "token";

    public static async Task<(Dictionary<string, HttpClient> Clients, FuzzSite Site)> PrepareAsync(FolioProcess folio)
    {
        await MustSucceedAsync(folio.RunAsync(["user", "password", "--username", "maya", "--password-stdin"], Personas.Password + "\n"));
        await MustSucceedAsync(folio.RunAsync(["user", "add", "--email", "fuzz-admin@example.org", "--username", "fuzzadmin",
            "--name", "Fuzz Admin", "--role", "admin", "--password-stdin"], Personas.Password + "\n"));
        var token = (await MustSucceedAsync(folio.RunAsync("token", "add", "--username", "maya", "--name", "fuzzer"))).Out.Trim();

        var clients = new Dictionary<string, HttpClient>
        {
            [Anonymous] = Browser(folio),
            [Writer] = Browser(folio),
            [Admin] = Browser(folio),
            [Token] = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = folio.Address, Timeout = TimeSpan.FromSeconds(60) },
        };
        await clients[Writer].SignInAsync("maya", Personas.Password);
        await clients[Admin].SignInAsync("fuzzadmin", Personas.Password);

        var api = clients[Token];
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var stories = Values(await api.GetStringAsync("/api/v1/stories?limit=50"), "id");
        var comments = new List<string>();
        foreach (var story in stories.Take(5))
        {
            comments.AddRange(Values(await api.GetStringAsync($"/api/v1/stories/{story}/comments"), "id"));
        }

        api.DefaultRequestHeaders.Authorization = null;
        var communities = Values(await api.GetStringAsync("/api/v1/communities"), "slug");
        var site = new FuzzSite(token, stories, comments.DefaultIfEmpty("1").ToList(), communities, ["maya", "tomas", "fuzzadmin"]);
        return (clients, site);
    }

    private static HttpClient Browser(FolioProcess folio) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = folio.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<FolioRun> MustSucceedAsync(Task<FolioRun> command)
    {
        var run = await command;
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>Every value of a property, anywhere in a JSON answer: the ids of a page of stories, say.</summary>
    private static List<string> Values(string json, string property)
    {
        var values = new List<string>();
        Collect(JsonDocument.Parse(json).RootElement, property, values);
        return values.Distinct().ToList();
    }

    private static void Collect(JsonElement element, string property, List<string> values)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == property && member.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String)
                {
                    values.Add(member.Value.ToString());
                }

                Collect(member.Value, property, values);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, property, values);
            }
        }
    }
}
