using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>/write for a new story and /stories/{id}/edit for one of the author's own (routes in WritingSetup).</summary>
[Authorize(Policy = Policies.Write)]
[RequestFormLimits(MultipartBodyLengthLimit = HeroImages.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(HeroImages.MaxBytes + 1024 * 1024)]
public sealed class EditorModel(FolioDb db, StoryEditor editor, IAuthorizationService authorization, TimeProvider clock, PageHead head) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Story? Story { get; private set; }
    public EditorContext Context { get; private set; } = EditorContext.Empty;

    public async Task<IActionResult> OnGetAsync(int? id, string? community, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Story = await LoadOwnStoryAsync(id.Value, cancellationToken);
            if (Story is null)
            {
                return NotFound();
            }

            Input = EditorContext.InputFrom(Story);
        }
        else
        {
            Input.Community = community;
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, EditorAction.Save, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, EditorAction.Submit, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) =>
        (await authorization.AuthorizeAsync(User, Policies.PublishWithoutReview)).Succeeded
            ? await SaveAsync(id, EditorAction.Publish, cancellationToken)
            : Forbid();

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken cancellationToken)
    {
        var story = await LoadOwnStoryAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        if (story.Status == StoryStatus.Published)
        {
            story.Unpublish();
            await db.SaveChangesAsync(cancellationToken);
            StatusMessage = "Your story is unpublished: only you can see it now. Publish or resubmit it whenever you like.";
        }

        return Redirect(EditUrl(id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        var story = await LoadOwnStoryAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        if (story.Status == StoryStatus.Pending)
        {
            story.WithdrawToDraft();
            await db.SaveChangesAsync(cancellationToken);
            StatusMessage = "Withdrawn from review. It is a draft again.";
        }

        return Redirect(EditUrl(id));
    }

    private async Task<IActionResult> SaveAsync(int? id, EditorAction action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Story = id is null
            ? new Story { AuthorId = CurrentUserId, Title = "", Subtitle = "", Slug = "", CreatedAt = now }
            : await LoadOwnStoryAsync(id.Value, cancellationToken);
        if (Story is null)
        {
            return NotFound();
        }

        if (Story.Status == StoryStatus.Pending)
        {
            StatusMessage = "This story is waiting for review. Withdraw it from review to edit it.";
            return Redirect(EditUrl(id));
        }

        var isLive = Story.Status == StoryStatus.Published;
        var community = Story.PublishedAt is not null ? Story.Community : await editor.FindCommunityAsync(Input.Community, cancellationToken);
        var intent = action == EditorAction.Save && !isLive ? StoryIntent.SaveDraft : StoryIntent.Submit;
        foreach (var (field, message) in StoryRules.Check(Input, community, intent))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync(cancellationToken);
            return Page();
        }

        var uploadErrors = await editor.ApplyAsync(Story, Input, community!, cancellationToken);
        if (uploadErrors.Count > 0)
        {
            foreach (var (field, message) in uploadErrors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            await PrepareAsync(cancellationToken);
            return Page();
        }

        if (Story.Id == 0)
        {
            db.Stories.Add(Story);
        }

        StatusMessage = await ChangeStatusAsync(Story, action, isLive);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(EditUrl(Story.Id));
    }

    private async Task<string> ChangeStatusAsync(Story story, EditorAction action, bool wasLive)
    {
        switch (action)
        {
            case EditorAction.Publish:
                await editor.PublishAsync(story, HttpContext.RequestAborted);
                return wasLive ? "Your changes are live." : "Published. Your story is live.";
            case EditorAction.Submit when !wasLive:
                story.SubmitForReview(clock.GetUtcNow().UtcDateTime);
                return "Submitted for review. A moderator will read it soon; you’ll find it under “In review”.";
            default:
                return wasLive ? "Your changes are live." : "Draft saved.";
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        head.Title = Story is null || Story.Id == 0 ? "Write a story" : $"Edit “{Story.Title}”";
        var canPublish = (await authorization.AuthorizeAsync(User, Policies.PublishWithoutReview)).Succeeded;
        Context = await EditorContext.LoadAsync(db, Story, canPublish, cancellationToken);
    }

    public static string EditUrl(int? id, string? handler = null) =>
        (id is null ? "/write" : $"/stories/{id}/edit") + (handler is null ? "" : $"?handler={handler}");

    private string CurrentUserId => User.RequiredUserId();

    // The author check is part of the query: someone else's story is simply not found.
    private Task<Story?> LoadOwnStoryAsync(int id, CancellationToken cancellationToken) =>
        db.Stories.Include(s => s.Community).Include(s => s.Tags)
            .FirstOrDefaultAsync(s => s.Id == id && s.AuthorId == CurrentUserId, cancellationToken);
}

public enum EditorAction
{
    Save,
    Submit,
    Publish,
}
