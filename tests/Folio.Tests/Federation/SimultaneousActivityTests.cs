using System.Net;
using Folio.Features.Federation.Remote;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>Two activities that store the same thing, arriving at once, as a server retrying with a new activity id may send them.</summary>
public sealed class SimultaneousActivityTests
{
    private const int Rounds = 5;

    private static string ArticleId(Story story) => $"{InboxTestKit.Origin}/ap/stories/{story.Id}";

    [Fact]
    public async Task TheSameNoteInTwoCreatesAtOnceIsStoredOnceAndBothAreAccepted()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App(("Folio:Comments:PerMinute", "100"), ("Folio:Comments:PerHour", "100"));
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var ana = peer.Actor("ana");

        // Several rounds, as two requests do not always meet; the first also makes the fediverse account twice at once.
        var notes = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            var note = ana.Note(ArticleId(story), $"<p>Round {round}</p>");
            notes.Add((string)note["id"]!);
            var (first, second) = (ana.About("Create", note), ana.About("Create", note));

            var answers = await Task.WhenAll(
                app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, first, app.Clock.Now)),
                app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, second, app.Clock.Now)));

            foreach (var answer in answers)
            {
                await answer.AssertStatusAsync(HttpStatusCode.Accepted, $"round {round}: a Create of a Note another Create brings at once");
            }
        }

        var stored = await app.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.RemoteNoteId, c.AuthorId }).ToListAsync());
        Assert.Equal(notes, stored.Select(c => c.RemoteNoteId));
        Assert.All(stored, c => Assert.Equal(FediverseAccount.Id, c.AuthorId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == FediverseAccount.Id)));
        Assert.Equal(2 * Rounds, await app.WithDbAsync(db => db.ReceivedActivities.CountAsync()));
    }
}
