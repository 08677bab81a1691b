using Folio.Data;
using Folio.Features.Challenges.Awards;
using Folio.Features.Creators;
using Folio.Features.Federation.Remote;
using Folio.Features.Mail;
using Folio.Features.Notifications;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>
/// Tells every entrant of a judged challenge that its results are out: a notice for each judged entry (its place, if
/// it placed), and for whoever chose it an email pointing at their private scores. The entries are read in pages by id
/// and the notices written in multi-row inserts (<see cref="RowInserts"/>); the entrants who did not place share one
/// stored email content, so a challenge of thousands costs a few statements per page. The caller's transaction holds it
/// together with the results themselves.
/// </summary>
public sealed class ResultsAnnouncement(FolioDb db, MailQueue mail, SiteUrls urls, TimeProvider clock)
{
    public const int PageSize = 500;

    public static string FeedbackPath(string challengeSlug) => $"/challenges/{challengeSlug}/my-scores";

    public async Task TellEntrantsAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var placedAuthors = await JudgeAssignments.Judged(db, challenge.Id).Where(e => e.Placement != null)
            .Select(e => e.AuthorId).Distinct().ToListAsync(cancellationToken);
        var emailed = new HashSet<string>(placedAuthors);
        EmailContent? shared = null;
        var after = 0;
        while (true)
        {
            var page = await JudgeAssignments.Judged(db, challenge.Id).AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(PageSize)
                .Select(e => new { e.Id, e.StoryId, StoryTitle = e.Story.Title, e.Placement, e.Author })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            after = page[^1].Id;
            var entrants = page.Where(e => e.Author.Id != FediverseAccount.Id).ToList();
            await db.InsertRowsAsync([.. entrants.Select(e => Notice(e.Author.Id, e.StoryId, e.Placement, now))], cancellationToken);

            foreach (var entry in entrants.Where(e => e.Placement is not null && Emailable(e.Author) is not null))
            {
                mail.Enqueue(PlacedEmail(challenge, entry.Author, entry.StoryTitle, entry.Placement!.Value));
            }

            var others = entrants.Where(e => Emailable(e.Author) is not null && emailed.Add(e.Author.Id))
                .Select(e => new EmailRecipient(e.Author.Email!, e.Author.DisplayName, e.Author.Id)).ToList();
            if (others.Count > 0)
            {
                if (shared is null)
                {
                    shared = ResultsEmail(challenge);
                    db.EmailContents.Add(shared);
                }

                await db.SaveChangesAsync(cancellationToken);
                await mail.InsertAsync(shared, others, EmailKind.Notification, null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Call once the caller's transaction commits, so the queued emails go out now rather than at the next poll.</summary>
    public void WakeMailSender() => mail.WakeSender();

    /// <summary>The notice an entry's author gets: <see cref="NotificationKind.ChallengePlaced"/> for a placed entry, else the results' news.</summary>
    public static Notification Notice(string authorId, int storyId, ChallengePlacement? placement, DateTime at) => new()
    {
        RecipientId = authorId,
        Kind = placement is null ? NotificationKind.ChallengeResults : NotificationKind.ChallengePlaced,
        StoryId = storyId,
        CreatedAt = at,
    };

    private static string? Emailable(FolioUser author) => author.EmailOnChallengeResults ? Notifier.Address(author) : null;

    private OutgoingEmail PlacedEmail(Challenge challenge, FolioUser author, string storyTitle, ChallengePlacement placement) =>
        new(author.Email!, author.DisplayName, $"{ChallengeAward.Wording(placement, challenge.Title)}: “{storyTitle}”",
            $"""
            Hello {author.DisplayName},

            The results of {challenge.Title} are out, and your story “{storyTitle}” {ChallengeAward.Took(placement, challenge.Title)}. Congratulations!

            The results, with the lead judge’s words on why it placed: {urls.Absolute($"/challenges/{challenge.Slug}")}

            Your scores and the judges’ notes, which only you can see: {urls.Absolute(FeedbackPath(challenge.Slug))}

            You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
            """) { RecipientId = author.Id };

    private EmailContent ResultsEmail(Challenge challenge) => new()
    {
        Subject = $"The results of {challenge.Title} are out",
        Text = $"""
            Hello,

            The results of {challenge.Title} are out. Thank you for entering: every entry was read and scored by its judges.

            The results: {urls.Absolute($"/challenges/{challenge.Slug}")}

            Your scores and the judges’ notes, which only you can see: {urls.Absolute(FeedbackPath(challenge.Slug))}

            You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
            """,
    };
}
