using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Search;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Settings;

/// <summary>
/// Deletes an account. Its stories go with it, or stay under the former-member account, as the person chooses.
/// Hearts, insights, saved stories, reports, tokens and username redirects are deleted with the account by the database's cascades.
/// </summary>
public sealed class AccountDeletion(FolioDb db, UserManager<FolioUser> users, FormerMemberAccount formerMember, AvatarStore avatars, StoryImageFiles imageFiles, ISearchIndex search, TimeProvider clock)
{
    public async Task DeleteAsync(FolioUser user, StoriesOnDeletion stories, CancellationToken cancellationToken)
    {
        List<string?> removedImages = [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var former = await formerMember.GetOrCreateAsync();

        // The bulk updates below bypass the change tracker, so the search index is told about these stories directly.
        var storyIds = await db.Stories.Where(s => s.AuthorId == user.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var countedBefore = await PublishedStoryCounts.ShareOfAsync(db, storyIds, cancellationToken);
        if (stories == StoriesOnDeletion.KeepAnonymously)
        {
            await db.Stories.Where(s => s.AuthorId == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.AuthorId, former.Id), cancellationToken);
            await db.Comments.Where(c => c.AuthorId == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.AuthorId, former.Id), cancellationToken);
        }
        else
        {
            // Comments on the deleted stories go with them; so do the person's comments nobody replied to.
            removedImages = await db.Stories.Where(s => s.AuthorId == user.Id && s.HeroImageUrl != null).Select(s => s.HeroImageUrl).ToListAsync(cancellationToken);
            removedImages.AddRange(await db.StoryRevisions.Where(r => r.Story.AuthorId == user.Id && r.HeroImageUrl != null)
                .Select(r => r.HeroImageUrl).ToListAsync(cancellationToken));
            removedImages.AddRange(await imageFiles.UsedByAsync(storyIds, cancellationToken));
            await db.Stories.Where(s => s.AuthorId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await TombstoneRepliedCommentsAsync(user.Id, former.Id, cancellationToken);
        }

        await search.UpdateAsync(db, storyIds, cancellationToken);
        await PublishedStoryCounts.ApplyChangeAsync(db, countedBefore, await PublishedStoryCounts.ShareOfAsync(db, storyIds, cancellationToken), cancellationToken);

        // Moderation decisions stay on record, attributed to the former-member account.
        await db.StoryReviews.Where(r => r.ModeratorId == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ModeratorId, former.Id), cancellationToken);
        await db.StoryReports.Where(r => r.ResolvedById == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ResolvedById, former.Id), cancellationToken);

        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Could not delete the account: " + string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(cancellationToken);
        avatars.DeleteIfUploaded(user.AvatarUrl);
        await imageFiles.DeleteUnusedAsync(removedImages, cancellationToken);
    }

    /// <summary>A comment with replies becomes a "deleted" placeholder, so the replies keep their place in the thread.</summary>
    private async Task TombstoneRepliedCommentsAsync(string userId, string formerId, CancellationToken cancellationToken)
    {
        var replied = await db.Comments
            .Where(c => c.AuthorId == userId && db.Comments.Any(reply => reply.ParentId == c.Id))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var comment in replied)
        {
            comment.Write("");
            comment.AuthorId = formerId;
            comment.DeletedAt ??= now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
