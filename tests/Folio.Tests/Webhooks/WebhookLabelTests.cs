using Folio.Features.Labels;
using Folio.Features.Webhooks;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

/// <summary>A story's labels ride in its webhook payloads, and correcting them on a live story is an update.</summary>
public sealed class WebhookLabelTests : IDisposable
{
    private readonly FolioApp _app = WebhookSteps.NewApp();
    private readonly WebhookReceiver _receiver = new();

    public void Dispose()
    {
        _app.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task ChangingALiveStorysLabelsDeliversStoryUpdatedWithTheLabelsAsSlugs()
    {
        var community = await _app.Data.CommunityAsync("labels");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Tides");
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryUpdated]);

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Stories.SingleAsync(s => s.Id == story.Id);
            (tracked.Making, tracked.Warnings, tracked.WarningNote) = (StoryMaking.AiGenerated, ContentWarnings.Violence | ContentWarnings.Spoilers, "The storm.");
            await db.SaveChangesAsync();
        });

        var data = (await _receiver.WaitForAsync(WebhookEvents.StoryUpdated)).Data("story");
        Assert.Equal("ai-generated", data.GetProperty("making").GetString());
        Assert.Equal(["violence", "spoilers"], data.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("The storm.", data.GetProperty("warningNote").GetString());
    }
}
