using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Api;

/// <summary>Story API calls the story tests share.</summary>
public static class StoryApiCalls
{
    public static object NewStory(string community, string title, string? status = null, string? publishedAt = null) => new
    {
        community,
        title,
        subtitle = $"A subtitle for {title}",
        body = "It began with **ice**. " + StoryForms.Words(150, "glacier"),
        tags = new[] { "Climate", "Nature" },
        status,
        publishedAt,
        commentsEnabled = true,
    };

    public static async Task<JsonElement> CreateStoryAsync(this ApiClient api, object body)
    {
        var response = await api.PostJsonAsync("/api/v1/stories", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> ReadOkAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<List<int>> StoryIdsAsync(this ApiClient api, string query = "") =>
        [.. (await (await api.GetAsync("/api/v1/stories" + query)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32())];
}
