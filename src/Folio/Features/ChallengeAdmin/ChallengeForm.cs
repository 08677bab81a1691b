using Folio.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.ChallengeAdmin;

/// <summary>What the new and edit pages share: the communities to choose from, and showing what to fix with a 400.</summary>
public static class ChallengeForm
{
    /// <summary>The body limit is above the picture limit so an oversized picture gets a message on the form instead of a 413.</summary>
    public const long UploadLimit = 12 * 1024 * 1024;

    /// <summary>The select lists communities taking submissions, by name; a few hundred at most on any real site.</summary>
    private const int MaxCommunities = 500;

    public static void AddProblems(ModelStateDictionary modelState, Dictionary<string, string> problems)
    {
        foreach (var (field, message) in problems)
        {
            // The picture is a property of the page, beside the typed Input.
            modelState.AddModelError(field == nameof(EditChallengeModel.HeroImage) ? field : $"Input.{field}", message);
        }
    }

    public static Task<List<CommunityChoice>> CommunitiesAsync(FolioDb db, int? current, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().Where(c => c.ArchivedAt == null || c.Id == current).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(MaxCommunities).Select(c => new CommunityChoice(c.Id, c.Name)).ToListAsync(cancellationToken);

    public static PageResult Invalid(PageModel page, ChallengeInput input)
    {
        input.WithEmptyCriteriaRows();
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
