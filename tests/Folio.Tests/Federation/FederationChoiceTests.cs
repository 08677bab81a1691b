using System.Net;
using Folio.Features.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>A creator's choice, at /settings, to share their stories on the fediverse or to stay off it.</summary>
public sealed class FederationChoiceTests : IDisposable
{
    private readonly RemoteInbox _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ACreatorWhoTurnsSharingOffKeepsTheirFollowersButNoStoryOfTheirsIsSentUntilTheyTurnItOnAgain()
    {
        using var app = new FolioApp();
        await app.PauseFederationAsync();
        using var creator = await app.ClientForAsync(Persona.Creator);
        var community = await app.Data.CommunityAsync();
        await app.RemoteFollowerAsync(creator.User!, _server.Url("/users/ana"));
        await app.RemoteFollowerAsync(ActorKind.Group, community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), _server.Url("/users/ben"));

        var settings = await creator.Http.GetHtmlAsync("/settings");
        var choice = settings.QuerySelector("input[type=checkbox][name='Input.ShareOnFediverse']");
        Assert.Equal("checked", choice?.GetAttribute("checked"));
        Assert.Contains($"@{creator.User!.UserName}@localhost", settings.QuerySelector($"#{choice!.GetAttribute("aria-describedby")}")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveProfileAsync(creator, shareOnFediverse: false)).StatusCode);
        Assert.Null((await creator.Http.GetHtmlAsync("/settings")).QuerySelector("input[name='Input.ShareOnFediverse']")?.GetAttribute("checked"));
        await app.Data.StoryAsync(community, creator.User!);
        await app.FanOutDueAsync();
        Assert.Empty(await app.DeliveriesAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.RemoteFollowers.CountAsync()));

        await SaveProfileAsync(creator, shareOnFediverse: true);
        await app.Data.StoryAsync(community, creator.User!);
        await app.FanOutDueAsync();
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);
    }

    private static Task<HttpResponseMessage> SaveProfileAsync(SignedInClient creator, bool shareOnFediverse)
    {
        // As a browser sends a checkbox drawn by asp-for: "true" and the hidden "false" when ticked, only "false" when not.
        var fields = new List<KeyValuePair<string, string>> { new("Input.DisplayName", "Maya Ortiz"), new("Input.UserName", creator.User!.UserName!) };
        if (shareOnFediverse)
        {
            fields.Add(new("Input.ShareOnFediverse", "true"));
        }

        fields.Add(new("Input.ShareOnFediverse", "false"));
        return creator.Http.PostFormAsync("/settings", fields, "/settings");
    }
}
