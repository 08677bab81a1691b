using System.Buffers.Binary;
using System.Security.Cryptography;
using Folio.Features.Scaling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Folio.Features.Reads;

/// <summary>A read token as issued: which story, when it stops counting, and the nonce that makes it single-use.</summary>
public sealed record ReadToken(int StoryId, string Nonce, DateTimeOffset ExpiresAt);

/// <summary>
/// One token per read, fetched by the page's script when the read counts (cached pages carry none), so a read counts at most once and nothing in it identifies the visitor:
/// story id, issue time and a random nonce, protected (encrypted and signed) with the site's data-protection keys.
/// The issue time is checked against the app's TimeProvider rather than through ITimeLimitedDataProtector,
/// which reads the system clock, so expiry follows the same clock as the rest of the app (and its tests).
/// Spent nonces are remembered until the token would have expired anyway: in memory on one node, in Redis when
/// several nodes share it, so a replay counts on none of them.
/// </summary>
public sealed class ReadTokens(IDataProtectionProvider protection, TimeProvider clock, ISingleUseKeys spent)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    private const int NonceBytes = 16;
    private const int PayloadBytes = 4 + 8 + NonceBytes;
    private readonly IDataProtector _protector = protection.CreateProtector("Folio.Reads.ReadToken.v1");

    public string Issue(int storyId)
    {
        Span<byte> payload = stackalloc byte[PayloadBytes];
        BinaryPrimitives.WriteInt32LittleEndian(payload, storyId);
        BinaryPrimitives.WriteInt64LittleEndian(payload[4..], clock.GetUtcNow().ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(payload[12..]);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload.ToArray()));
    }

    /// <summary>The token, if it is genuine, for this story and not expired; null for anything forged, altered or stale.</summary>
    public ReadToken? Read(string? token, int storyId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        if (payload.Length != PayloadBytes || BinaryPrimitives.ReadInt32LittleEndian(payload) != storyId)
        {
            return null;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(4)));
        var now = clock.GetUtcNow();
        var expiresAt = issuedAt + Lifetime;
        if (now >= expiresAt || issuedAt > now.AddMinutes(5))
        {
            return null;
        }

        return new ReadToken(storyId, Convert.ToHexString(payload, 12, NonceBytes), expiresAt);
    }

    /// <summary>True the first time a token is spent; false for every replay while it could still be valid.</summary>
    public Task<bool> TrySpendAsync(ReadToken token, CancellationToken cancellationToken) =>
        spent.TryUseAsync("read-nonce:" + token.Nonce, token.ExpiresAt - clock.GetUtcNow(), cancellationToken);
}
