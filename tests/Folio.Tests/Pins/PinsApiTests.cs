using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pins;

public sealed class PinsApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACreatorPinsAndUnpinsThroughTheApiAndTheProfileShowsThePins()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ApiClientForAsync(Persona.Creator);
        var first = await _app.Data.StoryAsync(community, creator.User!, "First Pinned");
        var second = await _app.Data.StoryAsync(community, creator.User!, "Second Pinned");

        Assert.Equal(HttpStatusCode.OK, (await creator.Http.PutAsync($"/api/v1/stories/{first.Id}/pins/profile", null)).StatusCode);
        _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
        var pinned = await (await creator.Http.PutAsync($"/api/v1/stories/{second.Id}/pins/profile", null)).ReadJsonAsync();

        Assert.Equal([second.Id, first.Id], pinned.EnumerateArray().Select(p => p.GetProperty("story").GetProperty("id").GetInt32()));
        Assert.Equal([1, 2], pinned.EnumerateArray().Select(p => p.GetProperty("position").GetInt32()));
        var author = await (await creator.GetAsync($"/api/v1/authors/{creator.User!.UserName}")).ReadJsonAsync();
        Assert.Equal([second.Id, first.Id], author.GetProperty("pinnedStoryIds").EnumerateArray().Select(id => id.GetInt32()));
        var listed = await (await creator.GetAsync($"/api/v1/authors/{creator.User!.UserName}/pins")).ReadJsonAsync();
        Assert.Equal("Second Pinned", listed[0].GetProperty("story").GetProperty("title").GetString());

        var unpinned = await (await creator.DeleteAsync($"/api/v1/stories/{second.Id}/pins/profile")).ReadJsonAsync();
        Assert.Equal([first.Id], unpinned.EnumerateArray().Select(p => p.GetProperty("story").GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task AFourthPinAnUnpublishedStoryAndSomeoneElsesStoryAreProblems()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ApiClientForAsync(Persona.Creator);
        for (var i = 0; i < 3; i++)
        {
            var story = await _app.Data.StoryAsync(community, creator.User!);
            Assert.Equal(HttpStatusCode.OK, (await creator.Http.PutAsync($"/api/v1/stories/{story.Id}/pins/profile", null)).StatusCode);
        }

        var fourth = await _app.Data.StoryAsync(community, creator.User!);
        var draft = await _app.Data.StoryAsync(community, creator.User!, status: Folio.Features.Stories.StoryStatus.Draft);
        var others = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());

        var full = await (await creator.Http.PutAsync($"/api/v1/stories/{fourth.Id}/pins/profile", null)).ReadProblemAsync(409);
        Assert.Contains("unpin one first", full.GetProperty("detail").GetString());
        Assert.Contains("3", full.GetProperty("detail").GetString());
        var unpublished = await (await creator.Http.PutAsync($"/api/v1/stories/{draft.Id}/pins/profile", null)).ReadProblemAsync(409);
        Assert.Equal("Only a published story can be pinned.", unpublished.GetProperty("detail").GetString());
        await (await creator.Http.PutAsync($"/api/v1/stories/{others.Id}/pins/profile", null)).ReadProblemAsync(403);
        await (await creator.Http.PutAsync($"/api/v1/stories/{others.Id}/pins/community", null)).ReadProblemAsync(403);
        await (await creator.Http.PutAsync("/api/v1/stories/987654/pins/profile", null)).ReadProblemAsync(404);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PutAsync($"/api/v1/stories/{fourth.Id}/pins/profile", null)).StatusCode);
    }

    [Fact]
    public async Task AnAdminPinsToACommunityAndTheCommunityObjectListsThePins()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Community Pick");
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var pinned = await (await admin.Http.PutAsync($"/api/v1/stories/{story.Id}/pins/community", null)).ReadJsonAsync();

        Assert.Equal(story.Id, pinned[0].GetProperty("story").GetProperty("id").GetInt32());
        var one = await (await admin.GetAsync($"/api/v1/communities/{community.Slug}")).ReadJsonAsync();
        Assert.Equal([story.Id], one.GetProperty("pinnedStoryIds").EnumerateArray().Select(id => id.GetInt32()));
        var list = await (await admin.GetAsync("/api/v1/communities")).ReadJsonAsync();
        var listed = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == community.Slug);
        Assert.Equal([story.Id], listed.GetProperty("pinnedStoryIds").EnumerateArray().Select(id => id.GetInt32()));
        var pins = await (await admin.GetAsync($"/api/v1/communities/{community.Slug}/pins")).ReadJsonAsync();
        Assert.Equal("Community Pick", pins[0].GetProperty("story").GetProperty("title").GetString());
        await (await admin.GetAsync("/api/v1/communities/no-such-place/pins")).ReadProblemAsync(404);
    }
}
