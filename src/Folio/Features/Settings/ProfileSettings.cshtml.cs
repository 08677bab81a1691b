using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Folio.Features.Standing;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Folio.Features.Settings;

/// <summary>
/// Name, username, bio, links and picture.
/// The body limit is above the avatar limit so an oversized picture gets a message on the form instead of a 413.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ProfileSettingsModel(SignInManager<FolioUser> signIn, UsernameChanges usernames, AvatarStore avatars, AccountStandings standings, PageHead head,
    FederationUrls federation)
    : SettingsPage(signIn)
{
    private const long UploadLimit = 10 * 1024 * 1024;

    /// <summary>
    /// Set when the account may not change what others see: the page (the first of the settings) still opens, says
    /// why instead of showing its forms, and refuses their posts as Policies.Write would.
    /// </summary>
    public StandingRefusal? Refusal { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Refusal = await standings.RefusalForAsync(User, HttpContext.RequestAborted);
        if (Refusal is not null && !HttpMethods.IsGet(Request.Method))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden); // the error page says why
            return;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public ProfileInput Input { get; private set; } = new();

    /// <summary>The host part of the creator's fediverse handle, @username@host.</summary>
    public string FediverseHost => federation.Host;

    [BindProperty]
    public IFormFile? Avatar { get; set; }

    public void OnGet() => Show(ProfileInput.From(Me));

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] ProfileInput input, CancellationToken cancellationToken)
    {
        if (input.Links.Count(l => !l.IsBlank) > ProfileInput.MaxLinks)
        {
            ModelState.AddModelError("Input.Links", ProfileInput.TooManyLinks);
        }

        var wanted = input.UserName?.Trim() ?? "";
        if (ModelState.GetFieldValidationState("Input.UserName") != ModelValidationState.Invalid
            && await usernames.RefusalAsync(Me, wanted, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError("Input.UserName", refusal);
        }

        if (!ModelState.IsValid)
        {
            return Show(input);
        }

        var renamed = wanted != Me.UserName;
        if (renamed)
        {
            await usernames.StageAsync(Me, wanted, cancellationToken);
        }

        Me.DisplayName = input.DisplayName!.Trim();
        Me.Bio = input.Bio?.Trim() ?? "";
        Me.Links.Clear();
        Me.Links.AddRange(input.FilledLinks());
        Me.EmailWholeStories = input.EmailWholeStories;
        Me.FederationOff = !input.ShareOnFediverse;
        var result = await Users.UpdateAsync(Me);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FolioIdentityErrors.FieldFor(error) == "UserName" ? "Input.UserName" : "", error.Description);
            }

            return Show(input);
        }

        if (renamed)
        {
            await Sessions.RefreshSignInAsync(Me);
        }

        Status = "Your profile is saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAvatarAsync(CancellationToken cancellationToken)
    {
        if (Avatar is null)
        {
            ModelState.AddModelError(nameof(Avatar), "Choose a PNG, JPEG or WebP picture to upload.");
            return Show(ProfileInput.From(Me));
        }

        var (url, error) = await avatars.SaveAsync(Avatar, cancellationToken);
        if (url is null)
        {
            ModelState.AddModelError(nameof(Avatar), error!);
            return Show(ProfileInput.From(Me));
        }

        var previous = Me.AvatarUrl;
        Me.AvatarUrl = url;
        var saved = (await Users.UpdateAsync(Me)).Succeeded;
        avatars.DeleteIfUploaded(saved ? previous : url);
        Status = saved ? "Your new picture is saved." : "Your picture could not be saved. Please try again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAvatarAsync()
    {
        var previous = Me.AvatarUrl;
        Me.AvatarUrl = null;
        if ((await Users.UpdateAsync(Me)).Succeeded)
        {
            avatars.DeleteIfUploaded(previous);
            Status = "Your picture is removed.";
        }

        return RedirectToPage();
    }

    private PageResult Show(ProfileInput input)
    {
        head.Title = "Settings";
        Input = input.WithEmptySlots();
        return Page();
    }
}
