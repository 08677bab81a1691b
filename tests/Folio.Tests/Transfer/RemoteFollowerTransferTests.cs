using Folio.Features.Comments;
using Folio.Features.Federation;
using Folio.Features.Federation.Remote;
using Folio.Features.Transfer;
using Folio.Tests.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

public sealed class RemoteFollowerTransferTests : IDisposable
{
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task<ImportReport> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
        Assert.True(report is not null, problem);
        return report;
    }

    private static Task<List<string>> FollowsAsync(FolioApp site) => site.WithDbAsync(async db =>
    {
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName!);
        var communities = await db.Communities.ToDictionaryAsync(c => c.Id.ToString(), c => c.Slug);
        return (await db.RemoteFollowers.Include(f => f.RemoteActor).AsNoTracking().ToListAsync())
            .Select(f => $"{f.RemoteActor.Uri} {f.RemoteActor.SharedInbox} {f.RemoteActor.PreferredUsername} {f.RemoteActor.PublicKeyPem} → "
                + (f.Kind == ActorKind.Group ? "/" + communities[f.OwnerId] : "@" + users[f.OwnerId]) + $" {f.FollowActivityId} {f.CreatedAt:O}")
            .Order().ToList();
    });

    [Fact]
    public async Task RemoteActorsAndTheirFollowsOfCreatorsAndCommunitiesComeThroughAnExportAndImportOnce()
    {
        var path = Path.Combine(_files.Folder, "site.json");
        List<string> exported;
        using (var source = new FolioApp())
        {
            var maya = await source.Data.PersonAsync("maya");
            var earth = await source.Data.CommunityAsync("earth");
            await source.RemoteFollowerAsync(maya, "https://mastodon.example/users/ana", "https://mastodon.example/inbox");
            await source.RemoteFollowerAsync(ActorKind.Group, earth.Id.ToString(), "https://mastodon.example/users/ana");
            await source.RemoteFollowerAsync(maya, "https://lemmy.example/u/bob");
            await source.WithDbAsync(db => db.RemoteActors.ExecuteUpdateAsync(set => set
                .SetProperty(a => a.PreferredUsername, a => a.Uri.Substring(a.Uri.Length - 3))
                .SetProperty(a => a.PublicKeyPem, "-----BEGIN PUBLIC KEY-----")));
            exported = await FollowsAsync(source);
            await using var scope = source.Services.CreateAsyncScope();
            await using var output = File.Create(path);
            var counts = await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
            Assert.Equal((2, 3), (counts.RemoteActors, counts.RemoteFollowers));
        }

        using var target = new FolioApp();
        var first = await ImportAsync(target, path);
        await ImportAsync(target, path);

        Assert.Empty(first.Skipped);
        Assert.Equal(3, exported.Count);
        Assert.Equal(exported, await FollowsAsync(target));
        Assert.Equal(2, await target.WithDbAsync(db => db.RemoteActors.CountAsync()));
    }

    [Fact]
    public async Task ARemoteReplyComesThroughAnExportAndImportUnderItsRemoteAuthorWithTheLocalReplyToIt()
    {
        var path = Path.Combine(_files.Folder, "site.json");
        using (var source = new FolioApp())
        {
            var maya = await source.Data.PersonAsync("maya");
            var story = await source.Data.StoryAsync(await source.Data.CommunityAsync("earth"), maya);
            await source.RemoteFollowerAsync(maya, "https://mastodon.example/users/ana");
            var actorId = await source.WithDbAsync(db => db.RemoteActors.Where(a => a.Uri == "https://mastodon.example/users/ana").Select(a => a.Id).SingleAsync());
            await using (var scope = source.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<FediverseAccount>().IdAsync();
            }

            var remote = await source.WithDbAsync(async db =>
            {
                var comment = new Comment
                {
                    StoryId = story.Id, AuthorId = FediverseAccount.Id, RemoteActorId = actorId, RemoteNoteId = "https://mastodon.example/notes/1",
                    RemoteUrl = "https://mastodon.example/@ana/1", CreatedAt = source.Clock.UtcNow,
                };
                comment.Write("Lovely, from afar.");
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                return comment;
            });
            await source.Data.CommentAsync(story, maya, "Thank you, Ana.", parent: remote);
            await using var exporting = source.Services.CreateAsyncScope();
            await using var output = File.Create(path);
            await ActivatorUtilities.CreateInstance<SiteExporter>(exporting.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
        }

        using var target = new FolioApp();
        var report = await ImportAsync(target, path);

        Assert.Empty(report.Skipped);
        var comments = await target.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorId, c.Body, c.RemoteNoteId, c.RemoteUrl, Actor = db.RemoteActors.Where(a => a.Id == c.RemoteActorId).Select(a => a.Uri).FirstOrDefault() })
            .ToListAsync());
        Assert.Equal(2, comments.Count);
        Assert.Equal((FediverseAccount.Id, "Lovely, from afar.", "https://mastodon.example/notes/1", "https://mastodon.example/@ana/1", "https://mastodon.example/users/ana"),
            (comments[0].AuthorId, comments[0].Body, comments[0].RemoteNoteId, comments[0].RemoteUrl, comments[0].Actor));
        Assert.Equal((comments[0].Id, (string?)null), (comments[1].ParentId, comments[1].RemoteNoteId));
        Assert.Equal([FediverseAccount.Id], await target.WithDbAsync(db => db.Users.Where(u => u.UserName == FediverseAccount.UserName).Select(u => u.Id).ToListAsync()));
    }

    [Fact]
    public async Task AnExportFromBeforeTheFediverseStillImports()
    {
        using var site = new FolioApp();
        var path = _files.Write("old.json", "{\"format\":\"folio-export\",\"version\":1,\"communities\":[{\"slug\":\"earth\",\"name\":\"Earth\",\"createdAt\":\"2024-01-01T00:00:00Z\"}]}");

        var report = await ImportAsync(site, path);

        Assert.Empty(report.Skipped);
        Assert.Equal("earth", await site.WithDbAsync(db => db.Communities.Select(c => c.Slug).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.RemoteFollowers.AnyAsync()));
    }
}
