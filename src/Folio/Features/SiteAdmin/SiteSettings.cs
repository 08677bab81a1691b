using System.Text.Json;
using Folio.Pages.Shared;

namespace Folio.Features.SiteAdmin;

/// <summary>
/// The settings in effect: each value an admin set at /admin/site, else the configuration's (<see cref="SiteOptions"/>),
/// else Folio's own. What every page, feed and email shows of the site.
/// </summary>
public sealed record SiteSettings(
    string Name,
    string Description,
    string Owner,
    string? AccentColour,
    IReadOnlyList<FooterLink> SocialLinks,
    IReadOnlyDictionary<string, string> PageMarkdown,
    SignUpMode SignUpMode,
    bool RequireConfirmedEmail,
    string? LogoUrl,
    string? FaviconUrl,
    string Version,
    string? SenderName = null,
    string? SenderAddress = null,
    int DigestHour = SiteSettings.DefaultDigestHour,
    DayOfWeek WeeklyDigestDay = SiteSettings.DefaultWeeklyDigestDay)
{
    public const int DefaultDigestHour = 8;
    public const DayOfWeek DefaultWeeklyDigestDay = DayOfWeek.Monday;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored Markdown of a footer page, or null when the data directory's or Folio's own text applies.</summary>
    public string? MarkdownFor(string page) => PageMarkdown.GetValueOrDefault(page);

    public static SiteSettings From(StoredSiteSettings? stored, SiteOptions options, IReadOnlyDictionary<string, string> imageVersions)
    {
        var pages = new Dictionary<string, string>();
        foreach (var (name, markdown) in StoredPages(stored))
        {
            if (markdown is not null)
            {
                pages[name] = markdown;
            }
        }

        var version = stored?.Version ?? "";
        return new SiteSettings(
            stored?.Name ?? options.Name,
            stored?.Description ?? options.Description,
            options.Owner,
            stored?.AccentColour,
            ReadLinks(stored?.SocialLinksJson) ?? options.SocialLinks,
            pages,
            stored?.SignUpMode ?? SignUpMode.Open,
            stored?.RequireConfirmedEmail ?? options.RequireConfirmedEmail,
            imageVersions.TryGetValue(SiteImage.Logo, out var logo) ? $"/site/logo.png?v={logo}" : null,
            imageVersions.TryGetValue(SiteImage.Favicon, out var favicon) ? $"/site/favicon.png?v={favicon}" : null,
            version.Length == 0 ? "0" : version,
            stored?.SenderName,
            stored?.SenderAddress,
            stored?.DigestHour ?? DefaultDigestHour,
            stored?.WeeklyDigestDay ?? DefaultWeeklyDigestDay);
    }

    public static IEnumerable<(string Name, string? Markdown)> StoredPages(StoredSiteSettings? stored) =>
    [
        ("contact", stored?.ContactMarkdown),
        ("privacy", stored?.PrivacyMarkdown),
        ("terms", stored?.TermsMarkdown),
        ("support", stored?.SupportMarkdown),
    ];

    public static string WriteLinks(IEnumerable<FooterLink> links) =>
        JsonSerializer.Serialize(links.Select(l => new { l.Label, l.Url }), Json);

    public static List<FooterLink>? ReadLinks(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<FooterLink>>(json, Json) ?? [];
}
