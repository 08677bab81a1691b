using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Settings;

/// <summary>
/// A username is part of every link to a creator's profile, so a change leaves a redirect behind,
/// and a name that still redirects to someone else cannot be taken over.
/// </summary>
public sealed class UsernameChanges(FolioDb db, UserManager<FolioUser> users, TimeProvider clock)
{
    public bool Changes(FolioUser user, string wanted) => users.NormalizeName(wanted) != user.NormalizedUserName;

    /// <summary>Why the user cannot have the name, or null when they can.</summary>
    public async Task<string?> RefusalAsync(FolioUser user, string wanted, CancellationToken cancellationToken)
    {
        if (!Changes(user, wanted))
        {
            return null;
        }

        if (UsernameRules.IsReserved(wanted))
        {
            return $"“{wanted}” is reserved. Please choose another username.";
        }

        var normalized = users.NormalizeName(wanted);
        var taken = await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != user.Id, cancellationToken)
            || await db.UsernameRedirects.AnyAsync(r => r.NormalizedOldUserName == normalized && r.UserId != user.Id, cancellationToken);
        return taken ? $"The username “{wanted}” is taken. Try another." : null;
    }

    /// <summary>Renames the tracked user and stages the redirect from the old name; the caller's save writes both at once.</summary>
    public async Task StageAsync(FolioUser user, string wanted, CancellationToken cancellationToken)
    {
        var old = user.NormalizedUserName!;
        var next = users.NormalizeName(wanted);
        user.UserName = wanted;
        if (old == next)
        {
            return;
        }

        // Taking back one of your own earlier names: it stops redirecting, because it is the profile again.
        var reclaimed = await db.UsernameRedirects.Where(r => r.NormalizedOldUserName == next && r.UserId == user.Id).ToListAsync(cancellationToken);
        db.UsernameRedirects.RemoveRange(reclaimed);
        db.UsernameRedirects.Add(new UsernameRedirect { NormalizedOldUserName = old, UserId = user.Id, ChangedAt = clock.GetUtcNow().UtcDateTime });
    }
}
