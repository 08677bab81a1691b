using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Folio.Features.Mail;
using Folio.Pages.Shared;

namespace Folio.Features.SiteAdmin;

/// <summary>The /admin/site form, as typed: shown again with its messages when something is wrong.</summary>
public sealed class SiteSettingsInput
{
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 300;
    public const int MaxLinks = 6;
    public const int MaxLabelLength = 40;
    public const int MaxUrlLength = 500;
    public const int MaxSenderNameLength = 80;

    /// <summary>The week as the form lists it, Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Display(Name = "Site name")]
    public string? Name { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Accent colour")]
    public string? AccentColour { get; set; }

    public List<LinkInput> Links { get; set; } = [];

    [Display(Name = "Who may sign up")]
    public SignUpMode SignUpMode { get; set; }

    [Display(Name = "Email must be confirmed before commenting or writing")]
    public bool RequireConfirmedEmail { get; set; }

    [Display(Name = "Sender name")]
    public string? SenderName { get; set; }

    [Display(Name = "Sender address")]
    public string? SenderAddress { get; set; }

    /// <summary>The hour digests are sent, "0" to "23"; read as text, so anything else is answered with a sentence.</summary>
    [Display(Name = "Digests are sent at")]
    public string? DigestHour { get; set; }

    /// <summary>The weekly digest's day by its English name, "Monday".</summary>
    [Display(Name = "Weekly digests are sent on")]
    public string? WeeklyDigestDay { get; set; }

    public sealed class LinkInput
    {
        public string? Label { get; set; }

        public string? Url { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Url);
    }

    public static SiteSettingsInput From(SiteSettings site) => new()
    {
        Name = site.Name,
        Description = site.Description,
        AccentColour = site.AccentColour,
        Links = [.. site.SocialLinks.Select(l => new LinkInput { Label = l.Label, Url = l.Url })],
        SignUpMode = site.SignUpMode,
        RequireConfirmedEmail = site.RequireConfirmedEmail,
        SenderName = site.SenderName,
        SenderAddress = site.SenderAddress,
        DigestHour = site.DigestHour.ToString(CultureInfo.InvariantCulture),
        WeeklyDigestDay = site.WeeklyDigestDay.ToString(),
    };

    /// <summary>Empty rows to type new links into, up to <see cref="MaxLinks"/>.</summary>
    public void PadLinks()
    {
        Links = [.. Links.Where(l => !l.IsEmpty)];
        while (Links.Count < MaxLinks)
        {
            Links.Add(new LinkInput());
        }
    }

    /// <summary>Field errors, keyed by the input's property path; none means the values may be stored.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            yield return (nameof(Name), "Enter the site’s name.");
        }
        else if (name.Length > MaxNameLength)
        {
            yield return (nameof(Name), $"Keep the name to {MaxNameLength} characters.");
        }

        if ((Description?.Trim().Length ?? 0) > MaxDescriptionLength)
        {
            yield return (nameof(Description), $"Keep the description to {MaxDescriptionLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(AccentColour))
        {
            if (Shared.AccentColour.Normalise(AccentColour) is not { } colour)
            {
                yield return (nameof(AccentColour), "Enter a colour as a hex code, like #1f2a44.");
            }
            else if (Shared.AccentColour.ContrastWithWhite(colour) is var ratio && ratio < Shared.AccentColour.MinimumContrast)
            {
                yield return (nameof(AccentColour), string.Create(CultureInfo.InvariantCulture,
                    $"White text on {colour} has a contrast of only {ratio:0.0}:1; it needs at least 4.5:1 to be readable. Choose a darker colour."));
            }
        }

        if (Sender() is { Length: > MaxSenderNameLength })
        {
            yield return (nameof(SenderName), $"Keep the sender name to {MaxSenderNameLength} characters.");
        }
        else if (Sender() is { } sender && sender.Any(char.IsControl))
        {
            yield return (nameof(SenderName), "Write the sender name on one line.");
        }

        if (SenderEmail() is { } address && !DeliverableAddressAttribute.IsDeliverable(address))
        {
            yield return (nameof(SenderAddress), "Enter an email address, like stories@example.org.");
        }

        if (Hour() is null)
        {
            yield return (nameof(DigestHour), "Choose the hour digests are sent, from 00:00 to 23:00.");
        }

        if (Day() is null)
        {
            yield return (nameof(WeeklyDigestDay), "Choose the day weekly digests are sent, Monday to Sunday.");
        }

        if (!Enum.IsDefined(SignUpMode))
        {
            yield return (nameof(SignUpMode), "Choose open, invite-only or closed.");
        }

        for (var i = 0; i < Links.Count; i++)
        {
            var link = Links[i];
            if (link.IsEmpty)
            {
                continue;
            }

            var field = $"{nameof(Links)}[{i}]";
            var label = link.Label?.Trim() ?? "";
            if (label.Length == 0 || label.Length > MaxLabelLength)
            {
                yield return ($"{field}.{nameof(LinkInput.Label)}", $"Give the link a label of 1–{MaxLabelLength} characters, like Mastodon.");
            }

            var url = link.Url?.Trim() ?? "";
            if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0 || uri.UserInfo.Length > 0)
            {
                yield return ($"{field}.{nameof(LinkInput.Url)}", "Enter a full https:// address, like https://mastodon.social/@folio.");
            }
        }

        if (Links.Count(l => !l.IsEmpty) > MaxLinks)
        {
            yield return (nameof(Links), $"Keep to {MaxLinks} links.");
        }
    }

    public string TrimmedName() => Name!.Trim();

    public string? Sender() => string.IsNullOrWhiteSpace(SenderName) ? null : SenderName.Trim();

    public string? SenderEmail() => string.IsNullOrWhiteSpace(SenderAddress) ? null : SenderAddress.Trim();

    public int? Hour() =>
        int.TryParse(DigestHour, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23 ? hour : null;

    public DayOfWeek? Day() => WeekDays.Select(d => (DayOfWeek?)d).FirstOrDefault(d => d.ToString() == WeeklyDigestDay);

    public string TrimmedDescription() => Description?.Trim() ?? "";

    public string? Colour() => string.IsNullOrWhiteSpace(AccentColour) ? null : Shared.AccentColour.Normalise(AccentColour);

    public List<FooterLink> CleanLinks() =>
        [.. Links.Where(l => !l.IsEmpty).Select(l => new FooterLink { Label = l.Label!.Trim(), Url = l.Url!.Trim() })];
}
