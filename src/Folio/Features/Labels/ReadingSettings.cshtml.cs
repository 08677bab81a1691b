using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Settings;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Labels;

/// <summary>/settings/reading: what a reader chooses to leave out of lists and to see covered on a story's page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReadingSettingsModel(SignInManager<FolioUser> signIn, PageHead head) : SettingsPage(signIn)
{
    public ReadingSettingsInput Input { get; private set; } = new();

    public void OnGet()
    {
        head.Title = "Reading choices";
        Input = ReadingSettingsInput.From(new ReadingChoices(Me.HideAiGenerated, Me.HiddenWarnings, Me.CoverWarnedStories));
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] ReadingSettingsInput input)
    {
        head.Title = "Reading choices";
        Input = input;
        if (!LabelNames.TryParseWarnings(input.HiddenWarnings, out var warnings, out var unknown))
        {
            ModelState.AddModelError("Input.HiddenWarnings", $"“{unknown}” is not one of the warnings listed. Tick the warnings to hide from the list and save again.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Me.HideAiGenerated = input.HideAiGenerated;
        Me.HiddenWarnings = warnings;
        Me.CoverWarnedStories = input.CoverWarnedStories;
        var result = await Users.UpdateAsync(Me);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Your reading choices could not be saved. Please try again.");
            return Page();
        }

        Status = "Your reading choices are saved.";
        return RedirectToPage();
    }
}
