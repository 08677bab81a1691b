using Folio.Features.Creators;

namespace Folio.Features.People;

public enum StandingKind
{
    Active,
    Unconfirmed,
    Suspended,
    Banned,
}

/// <summary>Where an account stands, as an admin sees it: a ban outranks a suspension, which outranks an unconfirmed email.</summary>
public sealed record Standing(StandingKind Kind, DateTime? Until, string? Reason)
{
    public static Standing Of(FolioUser user, DateTime now) => user switch
    {
        { Banned: true } => new(StandingKind.Banned, null, user.SuspensionReason),
        { SuspendedUntil: { } until } when until > now => new(StandingKind.Suspended, until, user.SuspensionReason),
        { EmailConfirmed: false } => new(StandingKind.Unconfirmed, null, null),
        _ => new(StandingKind.Active, null, null),
    };

    public bool Restricted => Kind is StandingKind.Suspended or StandingKind.Banned;

    public string Label => Kind switch
    {
        StandingKind.Banned => "Banned",
        StandingKind.Suspended => $"Suspended until {Until:d MMM yyyy, HH:mm} UTC",
        StandingKind.Unconfirmed => "Unconfirmed email",
        _ => "Active",
    };

    /// <summary>The value of <c>data-state</c> on a <c>status-badge</c>.</summary>
    public string State => Kind switch
    {
        StandingKind.Banned => "abandoned",
        StandingKind.Suspended => "retrying",
        StandingKind.Unconfirmed => "disabled",
        _ => "active",
    };

    /// <summary>The API's word for it.</summary>
    public string Key => Kind.ToString().ToLowerInvariant();
}
