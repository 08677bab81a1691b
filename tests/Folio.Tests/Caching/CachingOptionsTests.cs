using Folio.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Caching;

public sealed class CachingOptionsTests
{
    [Fact]
    public async Task WithCachingTurnedOffNothingIsServedFromTheCache()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());

        await app.VisitAsync($"/{community.Slug}/{story.Slug}");

        Assert.False((await app.VisitAsync($"/{community.Slug}/{story.Slug}")).FromCache);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void ADurationOutsideASecondToADayStopsTheSiteFromStarting(string duration)
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Caching:Duration"] = duration });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Folio:Caching:Duration must be between 00:00:01 and 1.00:00:00", error.Message);
    }
}
