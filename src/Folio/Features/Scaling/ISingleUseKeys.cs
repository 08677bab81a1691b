namespace Folio.Features.Scaling;

/// <summary>
/// Remembers keys that have been used, such as a read token's nonce, so that each is accepted once: in process on one
/// node; in Redis when <c>ConnectionStrings:Redis</c> is set, so a key used on one node is used on all of them.
/// </summary>
public interface ISingleUseKeys
{
    /// <summary>True the first time the key is used; false for every later use while it is remembered.</summary>
    Task<bool> TryUseAsync(string key, TimeSpan rememberFor, CancellationToken cancellationToken = default);
}
