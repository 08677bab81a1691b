using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.SiteAdmin;

public sealed class SiteSettingsPageModel(CurrentSite current, SiteSettingsEditor editor, SitePictures pictures, TestEmails testEmails, PageHead head)
    : SiteAdminPage(head)
{
    [BindProperty]
    public SiteSettingsInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public IFormFile? Favicon { get; set; }

    public SiteSettings Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = SiteSettingsInput.From(Site);
        Input.PadLinks();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var problems = Input.Problems().ToList();
        if (problems.Count > 0 || !ModelState.IsValid)
        {
            Input.PadLinks();
            return Refused(problems, nameof(Input));
        }

        var changed = await editor.SaveAsync(Input, cancellationToken);
        Status = changed.Count == 0 ? "Nothing changed." : "The site’s settings are saved. Every page shows them now.";
        return Redirect("/admin/site");
    }

    /// <summary>Queued like every email, so it shows the settings in effect: the sender, and whether the SMTP server takes it.</summary>
    public async Task<IActionResult> OnPostTestEmailAsync(CancellationToken cancellationToken)
    {
        if (await testEmails.QueueAsync(User, cancellationToken) is { } address)
        {
            Status = $"A test email is on its way to {address}. If it does not arrive within a few minutes, check the SMTP settings and the server’s log.";
        }

        return Redirect("/admin/site");
    }

    public Task<IActionResult> OnPostLogoAsync(CancellationToken cancellationToken) => UploadAsync(SiteImage.Logo, Logo, nameof(Logo), cancellationToken);

    public Task<IActionResult> OnPostFaviconAsync(CancellationToken cancellationToken) => UploadAsync(SiteImage.Favicon, Favicon, nameof(Favicon), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is SiteImage.Logo or SiteImage.Favicon && await editor.RemovePictureAsync(name, cancellationToken))
        {
            Status = name == SiteImage.Logo ? "The logo is removed; Folio’s mark is shown instead." : "The favicon is removed; Folio’s is shown instead.";
        }

        return Redirect("/admin/site");
    }

    private async Task<IActionResult> UploadAsync(string name, IFormFile? file, string field, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = SiteSettingsInput.From(Site);
        Input.PadLinks();
        ModelState.Clear();
        if (file is null)
        {
            ModelState.AddModelError(field, "Choose a PNG, JPEG or WebP picture to upload.");
            return Refused();
        }

        var (picture, error) = await pictures.ReadAsync(name, file, cancellationToken);
        if (picture is null)
        {
            ModelState.AddModelError(field, error!);
            return Refused();
        }

        await editor.SavePictureAsync(name, picture, cancellationToken);
        Status = name == SiteImage.Logo ? "The new logo is saved." : "The new favicon is saved.";
        return Redirect("/admin/site");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Titled("Site settings");
        Site = await current.GetAsync(cancellationToken);
    }
}
