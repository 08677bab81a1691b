using Folio.Shared.Web;
using Folio.Features.Communities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.CommunityAdmin;

/// <summary>What the new and edit pages share: reading the form and the logo into a change, and showing what to fix with a 400.</summary>
public static class CommunityForm
{
    /// <summary>The body limit is above the logo limit so an oversized logo gets a message on the form instead of a 413.</summary>
    public const long UploadLimit = 10 * 1024 * 1024;

    public static async Task<CommunityChange?> ReadAsync(
        CommunityInput input, IFormFile? logo, CommunityLogos logos, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var (change, wordsProblem) = input.ToChange();
        if (wordsProblem is not null)
        {
            modelState.AddModelError($"Input.{nameof(CommunityInput.MinimumWords)}", wordsProblem);
        }

        foreach (var (field, message) in change.Problems(creating: true))
        {
            modelState.AddModelError($"Input.{field}", message);
        }

        if (logo is { Length: > 0 } && modelState.IsValid)
        {
            var (url, error) = await logos.SaveAsync(logo, cancellationToken);
            if (error is not null)
            {
                modelState.AddModelError("Logo", error);
            }

            change = change with { LogoUrl = url };
        }

        return modelState.IsValid ? change : null;
    }

    public static void AddProblems(ModelStateDictionary modelState, Dictionary<string, string> problems)
    {
        foreach (var (field, message) in problems)
        {
            modelState.AddModelError($"Input.{field}", message);
        }
    }

    public static PageResult Invalid(PageModel page)
    {
        return page.Page().WithStatus(StatusCodes.Status400BadRequest);
    }
}
