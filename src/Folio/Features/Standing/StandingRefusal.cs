using System.Globalization;

namespace Folio.Features.Standing;

public enum RefusalKind
{
    Suspended,
    Banned,
    EmailUnconfirmed,
}

/// <summary>Why a signed-in account may read but not act: what the person is told on pages and in API problems.</summary>
public sealed record StandingRefusal(RefusalKind Kind, DateTime? Until, string? Reason, string? Email)
{
    /// <summary>The problem details' machine-readable reason: suspended, banned, email-unconfirmed.</summary>
    public string Code => Kind switch
    {
        RefusalKind.Suspended => "suspended",
        RefusalKind.Banned => "banned",
        _ => "email-unconfirmed",
    };

    public string Title => Kind switch
    {
        RefusalKind.Suspended => "Your account is suspended",
        RefusalKind.Banned => "Your account is banned",
        _ => "Confirm your email address first",
    };

    /// <summary>One sentence: what happened, until when and why.</summary>
    public string Message => Kind switch
    {
        RefusalKind.Suspended => $"Your account is suspended until {UntilText}{Because}. Until then you can sign in and read, but not write, comment, give hearts or insights.",
        RefusalKind.Banned => $"Your account is banned{Because}. You can still sign in and read, but not write, comment, give hearts or insights.",
        _ => $"This site asks you to confirm your email address before you write, comment, give hearts or insights. Open the link we sent to {Email}, or ask for a new one.",
    };

    public string WhatToDo => Kind switch
    {
        RefusalKind.EmailUnconfirmed => "",
        RefusalKind.Suspended => "Everything works again when the suspension ends. If you think this is a mistake, contact the people who run this site.",
        _ => "If you think this is a mistake, contact the people who run this site.",
    };

    /// <summary>The end of a suspension in UTC, as "5 December 2026 at 14:00 UTC".</summary>
    public string UntilText => Until is { } until
        ? until.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : "further notice";

    private string Because => string.IsNullOrWhiteSpace(Reason) ? "" : $" because “{Reason.Trim()}”";
}
