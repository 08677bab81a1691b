using System.ComponentModel.DataAnnotations;
using Folio.Features.Accounts;
using Folio.Features.Creators;

namespace Folio.Features.Settings;

public sealed class ProfileInput
{
    public const int MaxLinks = 5;
    public static readonly string TooManyLinks = $"You can show up to {MaxLinks} links.";

    [Required(ErrorMessage = "Enter the name readers will see.")]
    [StringLength(80, ErrorMessage = "Display names are at most 80 characters.")]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Choose a username.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_-]{2,29}$", ErrorMessage = "Usernames are " + UsernameRules.Requirement)]
    [Display(Name = "Username")]
    public string? UserName { get; set; }

    [StringLength(1000, ErrorMessage = "Bios are at most 1000 characters.")]
    [Display(Name = "Bio")]
    public string? Bio { get; set; }

    public List<LinkInput> Links { get; set; } = [];

    [Display(Name = "Email my whole stories to subscribers")]
    public bool EmailWholeStories { get; set; }

    [Display(Name = "Share my stories on the fediverse")]
    public bool ShareOnFediverse { get; set; } = true;

    public static ProfileInput From(FolioUser user) => new()
    {
        ShareOnFediverse = !user.FederationOff,
        DisplayName = user.DisplayName,
        UserName = user.UserName,
        Bio = user.Bio,
        Links = user.Links.Select(l => new LinkInput { Label = l.Label, Url = l.Url }).ToList(),
        EmailWholeStories = user.EmailWholeStories,
    };

    /// <summary>The form always offers every free slot, so a person can add a link without script.</summary>
    public ProfileInput WithEmptySlots()
    {
        while (Links.Count < MaxLinks)
        {
            Links.Add(new LinkInput());
        }

        return this;
    }

    public List<SocialLink> FilledLinks() => Links.Where(l => !l.IsBlank)
        .Select(l => new SocialLink { Label = l.Label!.Trim(), Url = l.Url!.Trim() })
        .ToList();
}

public sealed class LinkInput : IValidatableObject
{
    [StringLength(40, ErrorMessage = "Labels are at most 40 characters.")]
    [Display(Name = "Label")]
    public string? Label { get; set; }

    [StringLength(500, ErrorMessage = "Addresses are at most 500 characters.")]
    [Display(Name = "Address")]
    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsBlank)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Label))
        {
            yield return new ValidationResult("Give this link a label, like “Website” or “Mastodon”.", [nameof(Label)]);
        }

        if (string.IsNullOrWhiteSpace(Url))
        {
            yield return new ValidationResult("Enter the address this link goes to.", [nameof(Url)]);
        }
        else if (!IsWebAddress(Url.Trim()))
        {
            yield return new ValidationResult("Enter a full web address that starts with https:// (or http://).", [nameof(Url)]);
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !url.Any(char.IsWhiteSpace);
}
