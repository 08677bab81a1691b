using Folio.Tests.Infrastructure;
using Folio.Tests.Transfer;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Pins;

/// <summary>Pins travel with the site export and import, in their order, and with the account export.</summary>
public sealed class PinTransferTests : IDisposable
{
    private readonly FolioProcess _source = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly FolioProcess _target = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
        _files.Dispose();
    }

    private static string[] PinnedTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-pinned] .story-card__title").Select(t => t.TextContent.Trim())];

    [Fact]
    public async Task ProfileAndCommunityPinsComeBackPinnedInTheSameOrder()
    {
        string[] profilePins, communityPins;
        using (var site = new FolioApp(dataDirectory: _source.DataDirectory))
        {
            var community = await site.Data.CommunityAsync("sea", "The Sea");
            var author = await site.Data.PersonAsync("nell");
            var first = await site.Data.StoryAsync(community, author, "First Tide");
            var second = await site.Data.StoryAsync(community, author, "Second Tide");
            var third = await site.Data.StoryAsync(community, author, "Third Tide");
            await site.Data.StoryAsync(community, author, "Never Pinned");
            var now = site.Clock.UtcNow;
            // Pinned in an order that is neither the stories' order nor its reverse, so only the pins' times can keep it.
            await site.WithDbAsync(async db =>
            {
                await db.Stories.Where(s => s.Id == first.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ProfilePinnedAt, now.AddMinutes(-2)).SetProperty(s => s.CommunityPinnedAt, now.AddMinutes(-1)));
                await db.Stories.Where(s => s.Id == second.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ProfilePinnedAt, now.AddMinutes(-1)));
                await db.Stories.Where(s => s.Id == third.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ProfilePinnedAt, now.AddMinutes(-3)).SetProperty(s => s.CommunityPinnedAt, now.AddMinutes(-4)));
            });
            profilePins = PinnedTitles(await site.GetPageAsync("/authors/nell"));
            communityPins = PinnedTitles(await site.GetPageAsync("/sea"));
        }

        Assert.Equal(["Second Tide", "First Tide", "Third Tide"], profilePins);
        Assert.Equal(["First Tide", "Third Tide"], communityPins);
        var file = Path.Combine(_files.Folder, "site.json");
        var export = await _source.RunAsync("export", file);
        var import = await _target.RunAsync("import", "folio", file);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(import.ExitCode == 0, import.ToString());
        using var target = new FolioApp(dataDirectory: _target.DataDirectory);
        Assert.Equal(profilePins, PinnedTitles(await target.GetPageAsync("/authors/nell")));
        Assert.Equal(communityPins, PinnedTitles(await target.GetPageAsync("/sea")));
    }

    [Fact]
    public async Task TheAccountExportSaysWhenEachOfTheCreatorsStoriesWasPinned()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync();
        using var creator = await app.ClientForAsync(Persona.Creator, "hale");
        var pinned = await app.Data.StoryAsync(community, creator.User!, "Pinned Harbour");
        await app.Data.StoryAsync(community, creator.User!, "Plain Harbour");
        var url = $"/{community.Slug}/{pinned.Slug}";
        await creator.Http.PostFormAsync($"/stories/{pinned.Id}/pins/profile?handler=Pin", [new("ReturnUrl", url)], url);

        var export = System.Text.Json.JsonDocument.Parse(await creator.Http.GetStringAsync("/settings/export")).RootElement;

        var stories = export.GetProperty("stories").EnumerateArray().ToDictionary(s => s.GetProperty("title").GetString()!);
        Assert.Equal(app.Clock.UtcNow, stories["Pinned Harbour"].GetProperty("pinnedToProfileAt").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stories["Plain Harbour"].GetProperty("pinnedToProfileAt").ValueKind);
    }
}
