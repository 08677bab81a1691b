using Folio.Features.SitePages;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.SiteAdmin;

/// <summary>The footer pages' Markdown, with a preview rendered as the page will be, without saving.</summary>
public sealed class SitePagesPageModel(CurrentSite current, SiteSettingsEditor editor, SitePageContent content, PageHead head) : SiteAdminPage(head)
{
    public const int MaxLength = 50_000;

    [BindProperty]
    public Dictionary<string, string?> Pages { get; set; } = [];

    /// <summary>The page whose preview was asked for, and how it renders.</summary>
    public (string Name, SitePage Page)? Preview { get; private set; }

    public IReadOnlyDictionary<string, string> Defaults { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var site = await current.GetAsync(cancellationToken);
        Pages = SitePageContent.Names.ToDictionary(n => n, n => (string?)(site.MarkdownFor(n) ?? Defaults[n]));
    }

    public async Task<IActionResult> OnPostAsync(string? preview, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Pages = SitePageContent.Names.ToDictionary(n => n, n => Pages.GetValueOrDefault(n));
        var tooLong = Pages.Where(p => (p.Value?.Length ?? 0) > MaxLength).Select(p => p.Key).ToList();
        foreach (var name in tooLong)
        {
            ModelState.AddModelError($"Pages[{name}]", $"Keep the page to {MaxLength:N0} characters.");
        }

        if (tooLong.Count > 0)
        {
            return Refused();
        }

        if (preview is not null && SitePageContent.Names.Contains(preview))
        {
            var markdown = Pages[preview];
            Preview = (preview, SitePageContent.Render(string.IsNullOrWhiteSpace(markdown) ? Defaults[preview] : markdown, preview));
            return Page();
        }

        var changed = await editor.SavePagesAsync(Pages, Defaults, cancellationToken);
        Status = changed.Count == 0 ? "Nothing changed." : "The pages are saved and live now.";
        return Redirect("/admin/site/pages");
    }

    public static string Title(string name) => name switch
    {
        "contact" => "Contact",
        "privacy" => "Privacy Policy",
        "terms" => "Terms of Use",
        _ => "Support",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Titled("Footer pages");
        var defaults = new Dictionary<string, string>();
        foreach (var name in SitePageContent.Names)
        {
            defaults[name] = await content.DefaultMarkdownAsync(name, cancellationToken);
        }

        Defaults = defaults;
    }
}
