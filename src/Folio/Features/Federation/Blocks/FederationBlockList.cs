using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Blocks;

/// <summary>
/// The blocks in effect, read from the database and kept in memory: the inbox, fetches and deliveries ask on every
/// activity. A save that adds or removes a block writes an eviction (<see cref="Caching.StalePages"/>) that forgets this
/// copy, at once on the node that saved and within a second on the others, as <see cref="SiteAdmin.CurrentSite"/> is
/// forgotten. <see cref="Lifetime"/> bounds how stale a copy can be if an eviction is ever missed.
/// </summary>
public sealed class FederationBlockList(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (BlockedSet Set, DateTimeOffset Until)? _cached;
    private long _generation;

    public async Task<BlockedSet> GetAsync(CancellationToken cancellationToken = default)
    {
        (BlockedSet Set, DateTimeOffset Until)? cached;
        long generation;
        lock (_gate)
        {
            (cached, generation) = (_cached, _generation);
        }

        if (cached is { } known && known.Until > clock.GetUtcNow())
        {
            return known.Set;
        }

        var set = await LoadAsync(cancellationToken);
        lock (_gate)
        {
            // A Forget() while this was loading means what was read may already be old: it is used once, not kept.
            if (generation == _generation)
            {
                _cached = (set, clock.GetUtcNow() + Lifetime);
            }
        }

        return set;
    }

    public void Forget()
    {
        lock (_gate)
        {
            _cached = null;
            _generation++;
        }
    }

    private async Task<BlockedSet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var blocks = await db.FederationBlocks.AsNoTracking().Select(b => new { b.Kind, b.Value }).ToListAsync(cancellationToken);
        return blocks.Count == 0
            ? BlockedSet.None
            : new BlockedSet(blocks.Where(b => b.Kind == FederationBlockKind.Domain).Select(b => b.Value),
                blocks.Where(b => b.Kind == FederationBlockKind.Actor).Select(b => b.Value));
    }
}
