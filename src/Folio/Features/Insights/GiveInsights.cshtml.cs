using Folio.Shared.Web;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

/// <summary>
/// A reader gives, changes or withdraws their insights on a story. Plain forms post here and return to the story;
/// wwwroot/js/insights.js asks for fragments instead (the picker, then the refreshed section) by adding fragment=true.
/// </summary>
[Authorize(Policy = Policies.Write)]
public sealed class GiveInsightsModel(FolioDb db, InsightRecorder recorder, PageHead head) : PageModel
{
    private const string PickerView = "/Features/Insights/_InsightPicker.cshtml";
    private const string SectionView = "/Features/Insights/_InsightsSection.cshtml";

    public Story Story { get; private set; } = null!;
    public string StoryUrl => StoryLinks.Path(Story);
    public InsightPicker Picker { get; private set; } = null!;
    public bool OwnStory { get; private set; }

    [BindProperty]
    public Impression? Impression { get; set; }

    [BindProperty]
    public List<InsightQuality> Qualities { get; set; } = [];

    private string ReaderId => User.RequiredUserId();

    public async Task<IActionResult> OnGetAsync(int id, bool fragment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var chosen = await db.ChoicesOfAsync(id, ReaderId, cancellationToken);
        Picker = new InsightPicker(id, StoryUrl, chosen, chosen.Given);
        return fragment ? Partial(PickerView, Picker) : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool fragment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Impression is not { } impression || !Enum.IsDefined(impression))
        {
            var given = (await db.ChoicesOfAsync(id, ReaderId, cancellationToken)).Given;
            Picker = new InsightPicker(id, StoryUrl, new ReaderChoices(null, Qualities.ToHashSet()), given, InsightMessages.ChooseImpression);
            return fragment ? Partial(PickerView, Picker).WithStatus(StatusCodes.Status422UnprocessableEntity) : Page();
        }

        await recorder.GiveAsync(Story, ReaderId, impression, Qualities, cancellationToken);
        return await DoneAsync(fragment, InsightMessages.Saved, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, bool fragment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await recorder.WithdrawAsync(id, ReaderId, cancellationToken);
        return await DoneAsync(fragment, InsightMessages.Withdrawn, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(bool fragment, string notice, CancellationToken cancellationToken)
    {
        if (!fragment)
        {
            return Redirect(StoryUrl + "#insights");
        }

        var summary = await InsightSummary.LoadAsync(db, Story, StoryUrl, User, cancellationToken);
        return Partial(SectionView, summary with { Notice = notice });
    }

    /// <summary>Null when the reader may go on; otherwise the answer: not found, or the author's own story (403, nothing saved).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        if (story.AuthorId == ReaderId)
        {
            OwnStory = true;
            head.Title = InsightMessages.OwnStoryTitle;
            return Page().WithStatus(StatusCodes.Status403Forbidden);
        }

        head.Title = $"Your insights on “{story.Title}”";
        return null;
    }
}
