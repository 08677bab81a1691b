using System.Net;
using Folio.Features.Writing;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Folio.Tests.Writing.StoryImageCleanupTests;

namespace Folio.Tests.Writing;

/// <summary>Uploads no story uses (a kept hero never submitted again, an inline picture never saved) are swept after a day.</summary>
public sealed class UploadSweepTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<int> SweepAsync() => _app.Services.GetRequiredService<UploadSweep>().SweepAsync();

    [Fact]
    public async Task UploadsNoStoryUsesAreDeletedAfterADayAndUsedOnesStay()
    {
        await _app.Data.CommunityAsync("sweep");
        using var writer = await _app.ClientForAsync(Persona.Reader);

        // A hero kept for a form sent back for its missing alt text, and never sent again.
        var refused = await writer.Http.PostMultipartStoryAsync(StoryForms.Fields("sweep", "Never Sent Again", handler: "Submit"), SettingsForms.Picture(800, 400));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var kept = (await refused.ReadHtmlAsync()).QuerySelector(".editor__hero-preview")!.GetAttribute("src")!;
        // A picture uploaded into the editor, and the story never saved.
        var abandoned = await UploadAsync(writer.Http);
        // And two that stories use: one in its Markdown, one as its hero.
        var inline = await UploadAsync(writer.Http, 900, 600);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Http.PostMultipartStoryAsync(
            StoryForms.Fields("sweep", "Saved With Pictures", body: BodyWith(inline)), SettingsForms.Picture(1000, 500))).StatusCode);
        var hero = await _app.WithDbAsync(db => db.Stories.Select(s => s.HeroImageUrl).SingleAsync());

        Assert.Equal(0, await SweepAsync());
        await AssertKeptAsync(_app, writer.Http, kept);
        await AssertKeptAsync(_app, writer.Http, abandoned);

        // A story left unsaved in an open editor over a weekend still finds its pictures.
        _app.Clock.Now = _app.Clock.Now.AddDays(3);
        Assert.Equal(0, await SweepAsync());
        await AssertKeptAsync(_app, writer.Http, abandoned);

        _app.Clock.Now = _app.Clock.Now.AddDays(5);
        Assert.Equal(2, await SweepAsync());

        await AssertGoneAsync(_app, writer.Http, kept);
        await AssertGoneAsync(_app, writer.Http, abandoned);
        await AssertKeptAsync(_app, writer.Http, inline);
        await AssertKeptAsync(_app, writer.Http, hero!);
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task APictureAStorySavedBeforeTheRecordUsesIsKeptAndRecorded()
    {
        await _app.Data.CommunityAsync("older");
        using var writer = await _app.ClientForAsync(Persona.Reader);
        var inline = await UploadAsync(writer.Http);
        var id = (await writer.Http.PostStoryAsync(StoryForms.Fields("older", "Saved Long Ago", body: BodyWith(inline)))).StoryId();
        await _app.WithDbAsync(db => db.StoryImages.ExecuteDeleteAsync());

        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        Assert.Equal(0, await SweepAsync());

        await AssertKeptAsync(_app, writer.Http, inline);
        var recorded = Assert.Single(await _app.WithDbAsync(db => db.StoryImages.AsNoTracking().ToListAsync()));
        Assert.Equal((id, inline, false), (recorded.StoryId, recorded.Url, recorded.InRevision));
    }
}
