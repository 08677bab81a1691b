namespace Folio.Features.SiteAdmin;

/// <summary>
/// What an admin set at /admin/site: one row (<see cref="SingleId"/>). A null value was never set here, so the
/// configuration's (<see cref="Folio.Pages.Shared.SiteOptions"/>) or Folio's own default applies.
/// </summary>
public sealed class StoredSiteSettings
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>#rrggbb, dark enough for white text (<see cref="AccentColour"/>).</summary>
    public string? AccentColour { get; set; }

    /// <summary>Label and URL pairs as JSON; null when the configuration's links apply.</summary>
    public string? SocialLinksJson { get; set; }

    public string? ContactMarkdown { get; set; }

    public string? PrivacyMarkdown { get; set; }

    public string? TermsMarkdown { get; set; }

    public string? SupportMarkdown { get; set; }

    public SignUpMode? SignUpMode { get; set; }

    public bool? RequireConfirmedEmail { get; set; }

    /// <summary>The name emails come from; null when the configured Folio:Smtp:From's name applies.</summary>
    public string? SenderName { get; set; }

    /// <summary>The address emails come from; null when the configured Folio:Smtp:From's address applies.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The hour (0–23, in each reader's time zone) digests are sent; null for Folio's default.</summary>
    public int? DigestHour { get; set; }

    /// <summary>The day weekly digests are sent; null for Folio's default.</summary>
    public DayOfWeek? WeeklyDigestDay { get; set; }

    /// <summary>Changes with every save, so /theme.css and the pictures' addresses change and may be cached for long.</summary>
    public string Version { get; set; } = "";
}

public enum SignUpMode
{
    Open,
    InviteOnly,
    Closed,
}
