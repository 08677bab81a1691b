using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Audit;
using Folio.Features.Creators;
using Folio.Features.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.People;

/// <summary>What an admin did to an account: done (with what to tell them) or refused (with why).</summary>
public sealed record PeopleOutcome(bool Done, string Message)
{
    public static PeopleOutcome Refused(string why) => new(false, why);
}

/// <summary>
/// Roles, suspensions, bans and deletion, with the rules every way in shares (the admin pages, the API, the command
/// line): nobody may lock themselves out, and the site always keeps an admin who can act. Each action is recorded in
/// the audit log in the same save as the change.
/// </summary>
public sealed class PeopleAdmin(FolioDb db, UserManager<FolioUser> users, AuditLog audit, TimeProvider clock)
{
    public const int ReasonLength = 500;
    public const int MaxDays = 3650;

    public static readonly int[] OfferedDays = [1, 7, 30];

    public static string? ReasonProblem(string? reason) => reason?.Trim() switch
    {
        null or "" => "Give a reason: the person sees it.",
        { Length: > ReasonLength } => $"Keep the reason to {ReasonLength} characters.",
        _ => null,
    };

    public static string? RoleProblem(string role) =>
        Roles.All.Contains(role) ? null : $"“{role}” is not a role. The roles are {string.Join(", ", Roles.All)}.";

    public async Task<IReadOnlyList<string>> RolesOfAsync(FolioUser user)
    {
        var held = await users.GetRolesAsync(user);
        return [.. Roles.All.Where(r => held.Contains(r, StringComparer.OrdinalIgnoreCase))];
    }

    public async Task<PeopleOutcome> GrantRoleAsync(FolioUser target, string role, string? actorId, CancellationToken cancellationToken)
    {
        if (RoleProblem(role) is { } problem)
        {
            return PeopleOutcome.Refused(problem);
        }

        var before = await RolesOfAsync(target);
        var missing = Admin.UserCommands.RolesFor(role).Except(before).ToArray();
        if (missing.Length == 0)
        {
            return new(true, $"@{target.UserName} already has the {role} role.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var after = before.Concat(missing).ToHashSet();
        await audit.RecordAsync(AuditActions.RoleGrant, "user", target.Id, $"Granted {role} to @{target.UserName}",
            new { roles = before }, new { roles = Roles.All.Where(after.Contains) }, cancellationToken);
        Check(await users.AddToRolesAsync(target, missing));
        await transaction.CommitAsync(cancellationToken);
        return new(true, $"@{target.UserName} is now {Article(role)} {role}.");
    }

    /// <summary>Removing a role removes those built on it too: a trusted creator who is no longer a creator is not trusted either.</summary>
    public async Task<PeopleOutcome> RemoveRoleAsync(FolioUser target, string role, string? actorId, CancellationToken cancellationToken)
    {
        if (RoleProblem(role) is { } problem)
        {
            return PeopleOutcome.Refused(problem);
        }

        if (role == Roles.Reader)
        {
            return PeopleOutcome.Refused("Every account is a reader. To stop someone taking part, suspend or ban them instead.");
        }

        var before = await RolesOfAsync(target);
        var removed = (role == Roles.Creator ? [Roles.Creator, Roles.Trusted] : new[] { role }).Intersect(before).ToArray();
        if (removed.Length == 0)
        {
            return new(true, $"@{target.UserName} does not have the {role} role.");
        }

        if (role == Roles.Admin)
        {
            if (target.Id == actorId)
            {
                return PeopleOutcome.Refused("You can't remove the admin role from yourself. Ask another admin to do it.");
            }

            if (!await AnotherActiveAdminAsync(target.Id, cancellationToken))
            {
                return PeopleOutcome.Refused($"@{target.UserName} is the last admin. Make someone else an admin first.");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.RoleRemove, "user", target.Id, $"Removed {role} from @{target.UserName}",
            new { roles = before }, new { roles = before.Except(removed) }, cancellationToken);
        Check(await users.RemoveFromRolesAsync(target, removed));
        await transaction.CommitAsync(cancellationToken);
        return new(true, $"@{target.UserName} is no longer {Article(role)} {role}.");
    }

    public async Task<PeopleOutcome> SuspendAsync(FolioUser target, DateTime until, string reason, string? actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ReasonProblem(reason) is { } problem)
        {
            return PeopleOutcome.Refused(problem);
        }

        if (until <= now)
        {
            return PeopleOutcome.Refused("Choose an end for the suspension that is in the future.");
        }

        if (until > now.AddDays(MaxDays))
        {
            return PeopleOutcome.Refused($"A suspension lasts at most {MaxDays} days; ban the account instead.");
        }

        if (await LockOutRefusalAsync(target, actorId, "suspend", cancellationToken) is { } refused)
        {
            return refused;
        }

        var before = Snapshot(target);
        target.SuspendedUntil = until;
        target.Banned = false;
        target.SuspensionReason = reason.Trim();
        await audit.RecordAsync(AuditActions.UserSuspend, "user", target.Id, $"Suspended @{target.UserName} until {until:yyyy-MM-dd HH:mm} UTC",
            before, Snapshot(target), cancellationToken);

        // A new stamp makes every session the person has fail its next re-validation, so the suspension takes effect at once.
        Check(await users.UpdateSecurityStampAsync(target));
        return new(true, $"@{target.UserName} is suspended until {until:d MMM yyyy, HH:mm} UTC.");
    }

    public async Task<PeopleOutcome> BanAsync(FolioUser target, string reason, string? actorId, CancellationToken cancellationToken)
    {
        if (ReasonProblem(reason) is { } problem)
        {
            return PeopleOutcome.Refused(problem);
        }

        if (await LockOutRefusalAsync(target, actorId, "ban", cancellationToken) is { } refused)
        {
            return refused;
        }

        var before = Snapshot(target);
        target.Banned = true;
        target.SuspendedUntil = null;
        target.SuspensionReason = reason.Trim();
        await audit.RecordAsync(AuditActions.UserBan, "user", target.Id, $"Banned @{target.UserName}", before, Snapshot(target), cancellationToken);
        Check(await users.UpdateSecurityStampAsync(target));
        return new(true, $"@{target.UserName} is banned.");
    }

    public async Task<PeopleOutcome> UnsuspendAsync(FolioUser target, CancellationToken cancellationToken)
    {
        if (!Standing.Of(target, clock.GetUtcNow().UtcDateTime).Restricted && target.SuspendedUntil is null)
        {
            return new(true, $"@{target.UserName} is neither suspended nor banned.");
        }

        var before = Snapshot(target);
        target.Banned = false;
        target.SuspendedUntil = null;
        target.SuspensionReason = null;
        await audit.RecordAsync(AuditActions.UserUnsuspend, "user", target.Id, $"Lifted the suspension of @{target.UserName}",
            before, Snapshot(target), cancellationToken);
        Check(await users.UpdateAsync(target));
        return new(true, $"@{target.UserName} may take part again.");
    }

    public async Task<PeopleOutcome> DeleteAsync(FolioUser target, StoriesOnDeletion stories, string? actorId, AccountDeletion deletion, CancellationToken cancellationToken)
    {
        if (await LockOutRefusalAsync(target, actorId, "delete", cancellationToken) is { } refused)
        {
            return refused;
        }

        // Pending until the deletion's first save, which is inside its transaction: the entry and the deletion go together.
        var username = target.UserName;
        await audit.RecordAsync(AuditActions.UserDelete, "user", target.Id,
            $"Deleted the account @{username}" + (stories == StoriesOnDeletion.KeepAnonymously ? ", keeping its stories anonymously" : " and its stories"),
            new { username, email = target.Email, roles = await RolesOfAsync(target) }, null, cancellationToken);
        await deletion.DeleteAsync(target, stories, cancellationToken);
        return new(true, $"The account @{username} is deleted.");
    }

    private async Task<PeopleOutcome?> LockOutRefusalAsync(FolioUser target, string? actorId, string verb, CancellationToken cancellationToken)
    {
        if (target.Id == actorId)
        {
            return PeopleOutcome.Refused($"You can't {verb} your own account.");
        }

        if (await users.IsInRoleAsync(target, Roles.Admin) && !await AnotherActiveAdminAsync(target.Id, cancellationToken))
        {
            return PeopleOutcome.Refused($"@{target.UserName} is the last admin: you can't {verb} them. Make someone else an admin first.");
        }

        return null;
    }

    /// <summary>An admin other than this one who is neither banned nor suspended, so the site keeps someone who can act.</summary>
    private async Task<bool> AnotherActiveAdminAsync(string exceptId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.UserRoles.Where(ur => ur.RoleId == adminRole && ur.UserId != exceptId)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u)
            .AnyAsync(u => !u.Banned && (u.SuspendedUntil == null || u.SuspendedUntil <= now), cancellationToken);
    }

    private static object Snapshot(FolioUser user) => new { suspendedUntil = user.SuspendedUntil, banned = user.Banned, reason = user.SuspensionReason };

    private static string Article(string role) => role is Roles.Admin ? "an" : "a";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
