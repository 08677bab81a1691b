using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Features.Accounts;
using Folio.Tests.Admin;
using Folio.Tests.Api;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Fediverse;

/// <summary>
/// Issue 17 end to end: Folio behind TLS on loopback (a throwaway CA) and an independent ActivityPub server, the Fedify
/// peer (tests/fediverse-peer), which resolves Folio's handles over https only, as Fedify does.
/// </summary>
public sealed class FediverseEndToEndTests : IAsyncLifetime
{
    private const string Creator = "maya";
    private const string Community = "night-owls";

    private readonly TlsLoopback _tls = TlsLoopback.Create();
    private FolioProcess _folio = null!;
    private FediversePeer _peer = null!;

    public async Task InitializeAsync()
    {
        // Folio fetches the peer's actor and keys over plain http; the peer trusts Folio's CA, nothing trusts the peer's.
        _folio = new FolioProcess(new Dictionary<string, string?>(Federation.InboxTestKit.LoopbackPeers),
            migrateTemplate: FolioApp.MigrateTemplate, tls: _tls);
        Assert.Equal(0, (await UserCommandTests.AddUserAsync(_folio, Creator, Roles.Moderator)).ExitCode);
        Assert.Equal(0, (await _folio.RunAsync("community", "add", "--slug", Community, "--name", "Night Owls")).ExitCode);
        await _folio.ServeAsync();
        _peer = await FediversePeer.StartAsync(trusting: _tls);
    }

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

        _folio.Dispose();
        _tls.Dispose();
    }

    private string HandleOf(string name) => $"@{name}@{_folio.Address.Authority}";

    [FediversePeerFact]
    public async Task AnIndependentServerResolvesACreatorAndACommunityByHandleOverHttps()
    {
        var creator = await _peer.LookupAsync(HandleOf(Creator));
        var community = await _peer.LookupAsync(HandleOf(Community));

        Assert.Equal(("Person", Creator), (creator.Type, creator.PreferredUsername));
        Assert.StartsWith(new Uri(_folio.Address, "/ap/people/").ToString(), creator.Id);
        Assert.Equal(creator.Id + "/inbox", creator.Inbox);
        Assert.Equal(new Uri(_folio.Address, "/ap/inbox").ToString(), creator.SharedInbox);
        Assert.Equal(("Group", Community), (community.Type, community.PreferredUsername));
        Assert.StartsWith(new Uri(_folio.Address, "/ap/communities/").ToString(), community.Id);
        Assert.Equal(community.Id + "/inbox", community.Inbox);
    }

    [FediversePeerFact]
    public async Task AFollowFromAnotherServerIsAcceptedItsLikeAndBoostAreStoredAndUndoingTheFollowRemovesIt()
    {
        var (creator, community) = await FollowAsync();
        var storyId = await PublishAsync();

        await _peer.LikeAsync(storyId);
        await _peer.AnnounceAsync(storyId);
        Assert.Equal(["Announce", "Like"], await ReactionsFromThePeerAsync());

        await _peer.UndoFollowAsync(HandleOf(Creator));
        await _peer.UndoFollowAsync(HandleOf(Community));
        await Eventually.ValueAsync(FollowersFromThePeerAsync, count => count == 0, FolioProcess.Timeout, "the peer's follows undone");
        Assert.NotEqual(creator.Id, community.Id);
    }

    [FediversePeerFact]
    public async Task AFollowerOnAnotherServerGetsTheNextStoryAsTheCreatorsCreateAndTheCommunitysAnnounce()
    {
        var (creator, community) = await FollowAsync();
        var storyId = await PublishAsync();

        var create = await _peer.ReceivedAsync(a => a.Type == "Create" && a.Actor == creator.Id, "the creator's Create");
        Assert.Equal(storyId.ToString(), create.Object);
        Assert.Equal("Article", create.Json.GetProperty("object").GetProperty("type").GetString());
        Assert.Equal("Owls at the Window", create.Json.GetProperty("object").GetProperty("name").GetString());
        var announce = await _peer.ReceivedAsync(a => a.Type == "Announce" && a.Actor == community.Id, "the community's Announce");
        Assert.Equal(storyId.ToString(), announce.Object);
    }

    [FediversePeerFact]
    public async Task AReplyFromAnotherServerShowsUnderTheStoryUntilItIsDeleted()
    {
        var (creator, _) = await FollowAsync();
        var storyId = await PublishAsync();
        var received = await _peer.ReceivedAsync(a => a.Type == "Create" && a.Actor == creator.Id, "the creator's Create");
        using var api = await CreatorApiAsync();
        var storyPage = new Uri(_folio.Address, $"/{Community}/owls-at-the-window");
        Func<Task<string>> page = () => api.GetStringAsync(storyPage);

        var reply = await _peer.ReplyAsync(new Uri(received.Object!), "<p>Hoo, hoo: a reply from the fediverse.</p>");
        await Eventually.TrueAsync(async () => (await page()).Contains("a reply from the fediverse", StringComparison.Ordinal),
            FolioProcess.Timeout, "the peer's reply on the story page");
        Assert.Equal(storyId.ToString(), received.Object);

        await _peer.DeleteReplyAsync(reply);
        await Eventually.TrueAsync(async () => !(await page()).Contains("a reply from the fediverse", StringComparison.Ordinal),
            FolioProcess.Timeout, "the deleted reply gone from the story page");
    }

    /// <summary>The peer follows the creator and the community, and both accept.</summary>
    private async Task<(PeerActor Creator, PeerActor Community)> FollowAsync()
    {
        var creator = await _peer.FollowAsync(HandleOf(Creator));
        var community = await _peer.FollowAsync(HandleOf(Community));
        await _peer.ReceivedAsync(a => a.Type == "Accept" && a.Actor == creator.Id, "the creator's Accept");
        await _peer.ReceivedAsync(a => a.Type == "Accept" && a.Actor == community.Id, "the community's Accept");
        Assert.Equal(2, await FollowersFromThePeerAsync());
        return (creator, community);
    }

    /// <summary>The creator publishes a story through the API; its ActivityPub id.</summary>
    private async Task<Uri> PublishAsync()
    {
        using var api = await CreatorApiAsync();
        var story = await (await api.PostAsJsonAsync("/api/v1/stories",
            StoryApiCalls.NewStory(Community, "Owls at the Window", status: "published"))).ReadJsonAsync();
        Assert.Equal("published", story.GetProperty("status").GetString());
        return new Uri(_folio.Address, $"/ap/stories/{story.GetProperty("id").GetInt32()}");
    }

    private async Task<List<string>> ReactionsFromThePeerAsync()
    {
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var peer = _peer.ActorId.ToString();
        return await Eventually.ValueAsync(
            async () => (await app.WithDbAsync(db => db.RemoteReactions.Where(r => r.RemoteActor.Uri == peer).Select(r => r.Type).ToListAsync()))
                .Select(type => type.ToString()).Order().ToList(),
            types => types.Count == 2, FolioProcess.Timeout, "the peer's like and boost stored");
    }

    private async Task<int> FollowersFromThePeerAsync()
    {
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var peer = _peer.ActorId.ToString();
        return await app.WithDbAsync(db => db.RemoteFollowers.CountAsync(f => f.RemoteActor.Uri == peer));
    }

    private async Task<HttpClient> CreatorApiAsync()
    {
        var token = await _folio.RunAsync("token", "add", "--username", Creator, "--name", "fediverse test");
        Assert.True(token.ExitCode == 0, token.ToString());
        var http = new HttpClient(_tls.TrustingHandler()) { BaseAddress = _folio.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Out.Trim());
        return http;
    }
}
