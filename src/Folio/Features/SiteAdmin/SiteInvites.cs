using System.Security.Cryptography;
using System.Text;
using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Folio.Shared;

namespace Folio.Features.SiteAdmin;

/// <summary>Making, revoking and spending the sign-up links of an invite-only site.</summary>
public sealed class SiteInvites(FolioDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Stores a new invite and returns its token, which is kept only as a hash.</summary>
    public async Task<(SiteInvite Invite, string Token)> CreateAsync(int days, string note, string? adminId, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var invite = new SiteInvite { TokenHash = Hash(token), Note = note, CreatedAt = now, ExpiresAt = now.AddDays(days), CreatedById = adminId };
        db.SiteInvites.Add(invite);
        await audit.RecordAsync(AuditActions.SettingsChange, "site", "site", $"Made a sign-up invite valid for {Plural.Of(days, "day", "days")}{(note.Length > 0 ? $" ({note})" : "")}.",
            null, new { invite = note, expiresAt = invite.ExpiresAt }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (invite, token);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invite = await db.SiteInvites.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invite is null || !invite.IsUsable(now))
        {
            return false;
        }

        invite.Revoke(now);
        await audit.RecordAsync(AuditActions.SettingsChange, "site", "site", $"Revoked a sign-up invite{(invite.Note.Length > 0 ? $" ({invite.Note})" : "")}.",
            new { invite = "open" }, new { invite = "revoked" }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The invite a token opens, tracked so that <see cref="SiteInvite.Use"/> is saved with the new account; null when none may be used now.</summary>
    public async Task<SiteInvite?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        var invite = await db.SiteInvites.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invite is not null && invite.IsUsable(clock.GetUtcNow().UtcDateTime) ? invite : null;
    }

    /// <summary>
    /// Spends the invite for a new account. Conditional on it being unused, so two sign-ups racing with one link
    /// cannot both spend it: false for the one that lost.
    /// </summary>
    public async Task<bool> SpendAsync(SiteInvite invite, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var spent = await db.SiteInvites
            .Where(i => i.Id == invite.Id && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedById, userId), cancellationToken);
        return spent == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
