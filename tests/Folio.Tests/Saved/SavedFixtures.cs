using Folio.Features.Creators;
using Folio.Features.Saved;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Saved;

/// <summary>What the save-for-later tests do over and over: make a story, save it as a reader, read what is stored.</summary>
internal static class SavedFixtures
{
    public static async Task<Story> StoryAsync(this FolioApp app, string? title = null, StoryStatus status = StoryStatus.Published, DateTime? publishedAt = null)
    {
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync(), title, status: status, publishedAt: publishedAt);
        story.Community = community;
        return story;
    }

    public static string UrlOf(Story story) => $"/{story.Community.Slug}/{story.Slug}";

    /// <summary>Posts the Save form as a browser would (or as saved.js does, asking for JSON); save: null leaves the wanted state out.</summary>
    public static async Task<HttpResponseMessage> PostSaveAsync(this HttpClient browser, int storyId, bool? save, bool json = false, string? returnUrl = null)
    {
        var page = await browser.GetHtmlAsync("/write");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (save is { } wanted)
        {
            fields.Add(new("save", wanted ? "true" : "false"));
        }

        if (returnUrl is not null)
        {
            fields.Add(new("returnUrl", returnUrl));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{storyId}/save") { Content = new FormUrlEncodedContent(fields) };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await browser.SendAsync(request);
    }

    public static Task SaveAsync(this FolioApp app, Story story, FolioUser reader, DateTime savedAt) =>
        app.WithDbAsync(async db =>
        {
            db.SavedStories.Add(new SavedStory { StoryId = story.Id, UserId = reader.Id, SavedAt = savedAt });
            await db.SaveChangesAsync();
        });

    public static Task<List<int>> SavedIdsAsync(this FolioApp app, FolioUser reader) =>
        app.WithDbAsync(db => db.SavedStories.Where(s => s.UserId == reader.Id).OrderBy(s => s.StoryId).Select(s => s.StoryId).ToListAsync());
}
