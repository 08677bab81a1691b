using Folio.Data;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.SiteAdmin;

/// <summary>
/// The <see cref="SiteSettings"/> in effect, read from the database and kept for a short while. A save that changes
/// them evicts every cached page, and that eviction forgets this copy too (<see cref="Caching.PageCacheEvictor"/>):
/// at once on the node that saved, within a second on the others (they follow the evictions written with the save).
/// <see cref="Lifetime"/> bounds how stale a copy can be if an eviction is ever missed.
/// </summary>
public sealed class CurrentSite(IServiceScopeFactory scopes, IOptions<SiteOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Cached? _cached;
    private long _generation;

    private sealed record Cached(SiteSettings Settings, DateTimeOffset Until);

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        Cached? cached;
        long generation;
        lock (_gate)
        {
            (cached, generation) = (_cached, _generation);
        }

        if (cached is not null && cached.Until > clock.GetUtcNow())
        {
            return cached.Settings;
        }

        var settings = await LoadAsync(cancellationToken);
        lock (_gate)
        {
            // A Forget() while this was loading means what was read may already be old: it is used once, not kept.
            if (generation == _generation)
            {
                _cached = new Cached(settings, clock.GetUtcNow() + Lifetime);
            }
        }

        return settings;
    }

    public void Forget()
    {
        lock (_gate)
        {
            _cached = null;
            _generation++;
        }
    }

    private async Task<SiteSettings> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var stored = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == StoredSiteSettings.SingleId, cancellationToken);
        var images = await db.SiteImages.AsNoTracking().Select(i => new { i.Name, i.Version }).ToDictionaryAsync(i => i.Name, i => i.Version, cancellationToken);
        return SiteSettings.From(stored, options.Value, images);
    }
}
