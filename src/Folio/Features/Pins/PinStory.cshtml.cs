using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Pins;

/// <summary>
/// Answers the Pin and Unpin buttons (_PinControls): back to the page they came from, or, when a pin is refused, a page
/// that says why and, when the place is full, offers its pins to unpin.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PinStoryModel(FolioDb db, StoryPins pins, PageHead head) : PageModel
{
    public PinPlace Place { get; private set; }
    public string Message { get; private set; } = "";
    public string StoryUrl { get; private set; } = "/";
    public List<StoryCard> Pinned { get; private set; } = [];

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => NotFound();

    public Task<IActionResult> OnPostPinAsync(int id, string place, CancellationToken cancellationToken) =>
        ChangeAsync(id, place, pin: true, cancellationToken);

    public Task<IActionResult> OnPostUnpinAsync(int id, string place, CancellationToken cancellationToken) =>
        ChangeAsync(id, place, pin: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, string place, bool pin, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PinPlace>(place, ignoreCase: true, out var where) || !Enum.IsDefined(where))
        {
            return NotFound();
        }

        Place = where;
        var outcome = pin ? await pins.PinAsync(id, where, User, cancellationToken) : await pins.UnpinAsync(id, where, User, cancellationToken);
        if (outcome == PinOutcome.NoSuchStory)
        {
            return NotFound();
        }

        var story = await db.Stories.AsNoTracking().Include(s => s.Community).FirstAsync(s => s.Id == id, cancellationToken);
        StoryUrl = StoryLinks.Path(story);
        if (outcome is PinOutcome.Pinned or PinOutcome.Unpinned)
        {
            return Redirect(SafeReturnUrl.Or(ReturnUrl, StoryUrl));
        }

        Message = PinMessages.For(outcome, where);
        if (outcome == PinOutcome.Full)
        {
            Pinned = where == PinPlace.Profile
                ? await PinnedStories.ForProfileAsync(db, story.AuthorId, cancellationToken)
                : await PinnedStories.ForCommunityAsync(db, story.CommunityId, cancellationToken);
        }

        head.Title = "This story can’t be pinned";
        return Page().WithStatus(outcome == PinOutcome.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
    }
}
