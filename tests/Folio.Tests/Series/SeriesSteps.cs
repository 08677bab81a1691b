using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Series;

/// <summary>A creator's series made and filled through /me/series, as a creator does it.</summary>
public static class SeriesSteps
{
    public static async Task<int> CreateSeriesAsync(this SignedInClient creator, string title, string description = "", string? slug = null)
    {
        var response = await creator.Http.PostFormAsync("/me/series", new()
        {
            ["Input.Title"] = title,
            ["Input.Description"] = description,
            ["Input.Slug"] = slug ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Task<HttpResponseMessage> AddPartAsync(this SignedInClient creator, int seriesId, int storyId) =>
        creator.Http.PostFormAsync($"/me/series/{seriesId}?handler=Add", [new("storyId", storyId.ToString())], $"/me/series/{seriesId}");

    public static Task<HttpResponseMessage> MovePartAsync(this SignedInClient creator, int seriesId, int storyId, int by) =>
        creator.Http.PostFormAsync($"/me/series/{seriesId}?handler=Move", [new("storyId", storyId.ToString()), new("by", by.ToString())], $"/me/series/{seriesId}");

    public static Task<HttpResponseMessage> RemovePartAsync(this SignedInClient creator, int seriesId, int storyId) =>
        creator.Http.PostFormAsync($"/me/series/{seriesId}?handler=Remove", [new("storyId", storyId.ToString())], $"/me/series/{seriesId}");

    public static async Task AddPartsAsync(this SignedInClient creator, int seriesId, params int[] storyIds)
    {
        foreach (var id in storyIds)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await creator.AddPartAsync(seriesId, id)).StatusCode);
        }
    }
}
