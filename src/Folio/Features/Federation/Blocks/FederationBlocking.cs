using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Blocks;

/// <summary>
/// Makes and lifts blocks, each with its audit entry in the same save. A block forgets what the blocked actors left
/// here: their follows (so nothing more is sent to them), their likes, boosts and replies (changed through the change
/// tracker, so the story pages that showed them are evicted) and what is still queued for their inboxes. Lifting a block
/// restores none of it: they follow again if they want to.
/// </summary>
public sealed class FederationBlocking(FolioDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<FederationBlock> BlockAsync(FederationBlockKind kind, string value, string reason, string moderatorId, CancellationToken cancellationToken)
    {
        var block = new FederationBlock
        {
            Kind = kind, Value = value, Reason = reason, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = moderatorId,
        };
        db.FederationBlocks.Add(block);

        var set = kind == FederationBlockKind.Domain ? new BlockedSet([value], []) : new BlockedSet([], [value]);
        var actors = await BlockedActorsAsync(kind, value, set, cancellationToken);
        var actorIds = actors.Select(a => a.Id).ToList();
        var reactions = await db.RemoteReactions.Where(r => actorIds.Contains(r.RemoteActorId)).ToListAsync(cancellationToken);
        db.RemoteReactions.RemoveRange(reactions);
        var followers = await db.RemoteFollowers.Where(f => actorIds.Contains(f.RemoteActorId)).ToListAsync(cancellationToken);
        db.RemoteFollowers.RemoveRange(followers);

        // Their replies are removed as a moderator removes a comment: the text goes, the thread keeps its shape.
        var replies = await db.Comments.Where(c => c.RemoteActorId != null && actorIds.Contains(c.RemoteActorId.Value) && c.RemovedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var reply in replies)
        {
            reply.Remove(moderatorId, block.CreatedAt);
        }

        // A domain's shared inboxes go too; a blocked actor's server's shared inbox still serves the others there.
        var inboxes = actors.Select(a => a.Inbox).Concat(kind == FederationBlockKind.Domain ? actors.Select(a => a.SharedInbox).OfType<string>() : [])
            .Distinct().ToList();
        var pending = await db.FederationDeliveries.Where(d => d.NextAttemptAt != null && inboxes.Contains(d.Inbox)).ToListAsync(cancellationToken);
        db.FederationDeliveries.RemoveRange(pending);

        await audit.RecordAsync(AuditActions.FederationBlock, "federation-block", value, $"Blocked the {Describe(kind)} {value}: {reason}",
            null, new { kind = kind.ToString(), value, reason, followersRemoved = followers.Count, reactionsRemoved = reactions.Count, repliesRemoved = replies.Count }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return block;
    }

    /// <summary>False when there was no such block (lifted a moment ago by someone else).</summary>
    public async Task<bool> UnblockAsync(int blockId, CancellationToken cancellationToken)
    {
        if (await db.FederationBlocks.FirstOrDefaultAsync(b => b.Id == blockId, cancellationToken) is not { } block)
        {
            return false;
        }

        db.FederationBlocks.Remove(block);
        await audit.RecordAsync(AuditActions.FederationUnblock, "federation-block", block.Value, $"Lifted the block of the {Describe(block.Kind)} {block.Value}",
            new { kind = block.Kind.ToString(), value = block.Value, reason = block.Reason }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Describe(FederationBlockKind kind) => kind == FederationBlockKind.Domain ? "domain" : "actor";

    private async Task<List<RemoteActor>> BlockedActorsAsync(FederationBlockKind kind, string value, BlockedSet set, CancellationToken cancellationToken)
    {
        if (kind == FederationBlockKind.Actor)
        {
            return await db.RemoteActors.AsNoTracking().Where(a => a.Uri == value).ToListAsync(cancellationToken);
        }

        // By the stored host (indexed): the domain itself and its subdomains, checked again in memory.
        var suffix = "." + value;
        var onHost = await db.RemoteActors.AsNoTracking().Where(a => a.Host == value || a.Host.EndsWith(suffix)).ToListAsync(cancellationToken);
        return [.. onHost.Where(a => set.CoversHost(a.Host))];
    }
}
