using Microsoft.Extensions.Caching.Memory;

namespace Folio.Features.Scaling;

public sealed class InMemorySingleUseKeys(IMemoryCache cache) : ISingleUseKeys
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    private readonly Lock _using = new();

    public Task<bool> TryUseAsync(string key, TimeSpan rememberFor, CancellationToken cancellationToken = default)
    {
        var cacheKey = "folio:used:" + key;
        lock (_using)
        {
            if (cache.TryGetValue(cacheKey, out _))
            {
                return Task.FromResult(false);
            }

            cache.Set(cacheKey, true, rememberFor > Shortest ? rememberFor : Shortest);
            return Task.FromResult(true);
        }
    }
}
