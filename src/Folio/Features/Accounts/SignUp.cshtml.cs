using Folio.Shared.Web;
using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.People;
using Folio.Features.SiteAdmin;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class SignUpModel(UserManager<FolioUser> users, SignInManager<FolioUser> signIn, AccountEmails emails, AccountRateLimiter limiter,
    SignUpGate gate, SignInHistory history, TimeProvider clock, PageHead head) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>The invite link's token, on an invite-only site: in the link's query, then in the form.</summary>
    [BindProperty(SupportsGet = true, Name = "invite")]
    public string? Invite { get; set; }

    /// <summary>Why this visitor may not sign up now (closed, or no usable invite); null when the form is shown.</summary>
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Create your account";
        Refusal = (await gate.CheckAsync(Invite, cancellationToken)).Refusal;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        head.Title = "Create your account";
        var admission = await gate.CheckAsync(Invite, cancellationToken);
        if (admission.Refusal is not null)
        {
            Refusal = admission.Refusal;
            return Page().WithStatus(StatusCodes.Status403Forbidden);
        }

        if (Input.UserName is { } name && UsernameRules.IsReserved(name))
        {
            ModelState.AddModelError("Input.UserName", $"“{name}” is reserved. Please choose another username.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var allowed = await limiter.TryTakeSignUpAsync(ClientAddress.Of(HttpContext), cancellationToken);
        if (!allowed.Allowed)
        {
            return this.Refuse(allowed, "Too many accounts were created from your address.");
        }

        var user = new FolioUser
        {
            UserName = Input.UserName!.Trim(),
            Email = Input.Email!.Trim(),
            DisplayName = Input.DisplayName!.Trim(),
            JoinedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = FolioIdentityErrors.FieldFor(error);
                ModelState.AddModelError(field == "" ? "" : $"Input.{field}", error.Description);
            }

            return Page();
        }

        if (admission.Invite is not null && !await gate.SpendAsync(admission.Invite, user.Id, cancellationToken))
        {
            // Another sign-up spent the same link a moment ago.
            await users.DeleteAsync(user);
            Refusal = SignUpGate.InviteUnusable;
            return Page().WithStatus(StatusCodes.Status403Forbidden);
        }

        await users.AddToRoleAsync(user, Roles.Reader);
        await emails.SendConfirmationAsync(user);
        await signIn.SignInAsync(user, isPersistent: true);
        await history.RecordAsync(user.Id, HttpContext, cancellationToken);
        // The page that says where the confirmation link went, and carries on to where the person was going.
        return LocalRedirect(ReturnUrl is null ? CheckInboxModel.Path : $"{CheckInboxModel.Path}?returnUrl={Uri.EscapeDataString(SafeReturnUrl.Or(ReturnUrl, "/me/stories"))}");
    }
}

public sealed class SignUpInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [DeliverableAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(254, ErrorMessage = "Email addresses are at most 254 characters.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose a username.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_-]{2,29}$", ErrorMessage = "Usernames are " + UsernameRules.Requirement)]
    [Display(Name = "Username")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Enter the name readers will see.")]
    [StringLength(80, ErrorMessage = "Display names are at most 80 characters.")]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters for your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }
}
