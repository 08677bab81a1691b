using Folio.Features.Labels;
using Folio.Features.Mail;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Notifications;

public sealed partial class Notifier
{
    /// <summary>
    /// A moderator changed the story's labels: the notice opens the editor, which shows the change and the reason, and an
    /// author who asked for review emails gets one saying the same.
    /// </summary>
    public async Task LabelsCorrectedAsync(Story story, StoryLabelSet before, string reason, CancellationToken cancellationToken = default)
    {
        Notify(story.AuthorId, NotificationKind.LabelsCorrected, actorId: null, story);
        var author = await db.Users.FirstOrDefaultAsync(u => u.Id == story.AuthorId, cancellationToken);
        if (author is not { EmailOnReview: true } || Address(author) is not { } address)
        {
            return;
        }

        mail.Enqueue(new OutgoingEmail(address, author.DisplayName, $"A moderator changed the labels of “{story.Title}”",
            $"""
            Hello {author.DisplayName},

            A moderator changed the labels of “{story.Title}”. Readers see the new labels now.

            Before: {LabelNames.Describe(before)}
            Now: {LabelNames.Describe(story.Labels)}

            The moderator’s reason:

            {reason}

            Your editor shows the change and the reason: {urls.Absolute($"/stories/{story.Id}/edit")}

            You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
            """) { RecipientId = author.Id });
    }
}
