using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Folio.Features.Newsletters;

/// <summary>What one unsubscribe link stops: one creator subscription's emails, one community follow's, all of them, or a digest.</summary>
public enum UnsubscribeTarget
{
    Creator = 1,
    Community = 2,
    Everything = 3,
    DailyDigest = 4,
    WeeklyDigest = 5,
}

/// <summary>An account and what it asked to stop; <see cref="CreatorId"/> or <see cref="CommunityId"/> names the follow.</summary>
public sealed record Unsubscription(string UserId, UnsubscribeTarget Target, string? CreatorId = null, int? CommunityId = null)
{
    public static Unsubscription FromCreator(string userId, string creatorId) => new(userId, UnsubscribeTarget.Creator, CreatorId: creatorId);

    public static Unsubscription FromCommunity(string userId, int communityId) => new(userId, UnsubscribeTarget.Community, CommunityId: communityId);

    public static Unsubscription FromEverything(string userId) => new(userId, UnsubscribeTarget.Everything);

    /// <summary>The link in a digest: it turns off that reader's digests of that period (<see cref="Delivery.Daily"/> or <see cref="Delivery.Weekly"/>).</summary>
    public static Unsubscription FromDigest(string userId, Delivery period) =>
        new(userId, period == Delivery.Weekly ? UnsubscribeTarget.WeeklyDigest : UnsubscribeTarget.DailyDigest);

    /// <summary>The digest period a digest's link stops; null for the other links.</summary>
    public Delivery? DigestPeriod => Target switch
    {
        UnsubscribeTarget.DailyDigest => Delivery.Daily,
        UnsubscribeTarget.WeeklyDigest => Delivery.Weekly,
        _ => null,
    };
}

/// <summary>
/// The token in an unsubscribe link: the <see cref="Unsubscription"/>, encrypted and signed with the site's
/// data-protection keys (kept in the database, so every node reads every link). It never expires: an email read a year
/// later still unsubscribes, and the worst a stolen one does is stop someone's newsletter emails.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private const int MaxLength = 1000;
    private readonly IDataProtector _protector = protection.CreateProtector("Folio.Newsletters.Unsubscribe.v1");

    public string Issue(Unsubscription unsubscription) =>
        _protector.Protect(string.Join('\n', (int)unsubscription.Target, unsubscription.UserId,
            unsubscription.CreatorId ?? unsubscription.CommunityId?.ToString(CultureInfo.InvariantCulture) ?? ""));

    /// <summary>The absolute link that unsubscribes with one click (RFC 8058): the page, and the List-Unsubscribe header.</summary>
    public string Url(string siteOrigin, Unsubscription unsubscription) => $"{siteOrigin}/unsubscribe/{Issue(unsubscription)}";

    /// <summary>What the token asks, if it is genuine; null for anything forged, altered or cut short.</summary>
    public Unsubscription? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var target) || parts[1].Length == 0)
        {
            return null;
        }

        return (UnsubscribeTarget)target switch
        {
            UnsubscribeTarget.Creator when parts[2].Length > 0 => Unsubscription.FromCreator(parts[1], parts[2]),
            UnsubscribeTarget.Community when int.TryParse(parts[2], CultureInfo.InvariantCulture, out var communityId) =>
                Unsubscription.FromCommunity(parts[1], communityId),
            UnsubscribeTarget.Everything => Unsubscription.FromEverything(parts[1]),
            UnsubscribeTarget.DailyDigest or UnsubscribeTarget.WeeklyDigest => new Unsubscription(parts[1], (UnsubscribeTarget)target),
            _ => null,
        };
    }
}
