using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Challenges.Entering;
using Folio.Features.Series;
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
public sealed class EditorModel(FolioDb db, StoryWorkflow workflow, IAuthorizationService authorization, PageHead head, KeptHeroes keptHeroes,
    ChallengeEntering challenges) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    /// <summary>The series chosen for the story (Features/Series); null for none.</summary>
    [BindProperty]
    public int? Series { get; set; }

    /// <summary>Set by the form that offers the series choice, so a null <see cref="Series"/> means "in no series".</summary>
    [BindProperty]
    public bool SeriesOffered { get; set; }

    /// <summary>Why the chosen series can't have the story, shown beside the choice.</summary>
    public string? SeriesProblem { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Story? Story { get; private set; }

    /// <summary>The token for a hero kept from a refused form, posted back with the next one.</summary>
    public string? KeptHeroToken { get; private set; }
    public EditorContext Context { get; private set; } = EditorContext.Empty;

    /// <summary>The challenges this author may enter the story in, and its entry if it has one.</summary>
    public EntryChoices Challenges { get; private set; } = EntryChoices.None;

    public bool MayWithdrawEntry => challenges.MayWithdraw(Challenges);

    public async Task<IActionResult> OnGetAsync(int? id, string? community, string? challenge, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Story = await LoadOwnStoryAsync(id.Value, cancellationToken);
            if (Story is null)
            {
                return NotFound();
            }

            Input = EditorContext.InputFrom(Story);
            Series = Story.SeriesId;
        }
        else
        {
            Input.Community = community;
            Input.Challenge = challenge;
        }

        await PrepareAsync(cancellationToken);
        if (Story is not null)
        {
            Input.Challenge = Challenges.Current?.Challenge.Slug;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, [FromServices] StoryInSeries inSeries, CancellationToken cancellationToken) =>
        SaveAsync(id, StoryAction.Save, inSeries, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, [FromServices] StoryInSeries inSeries, CancellationToken cancellationToken) =>
        SaveAsync(id, StoryAction.Publish, inSeries, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int? id, [FromServices] StoryInSeries inSeries, CancellationToken cancellationToken) =>
        (await authorization.AuthorizeAsync(User, Policies.PublishWithoutReview)).Succeeded
            ? await SaveAsync(id, StoryAction.Publish, inSeries, cancellationToken)
            : Forbid();

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (actor, story) => workflow.ChangeAsync(actor, story, input: null, StoryAction.Unpublish, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (actor, story) => workflow.ChangeAsync(actor, story, input: null, StoryAction.Withdraw, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawEntryAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (actor, story) => workflow.WithdrawEntryAsync(actor, story, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawChangesAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (actor, story) => workflow.WithdrawRevisionAsync(actor, story, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<StoryActor, Story, Task<StoryOutcome>> change, CancellationToken cancellationToken)
    {
        var story = await LoadOwnStoryAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        StatusMessage = (await change(await ActorAsync(), story)).Message;
        return Redirect(EditUrl(id));
    }

    private async Task<IActionResult> SaveAsync(int? id, StoryAction action, StoryInSeries inSeries, CancellationToken cancellationToken)
    {
        Story = id is null ? null : await LoadOwnStoryAsync(id.Value, cancellationToken);
        if (id is not null && Story is null)
        {
            return NotFound();
        }

        var actor = await ActorAsync();
        Input.KeptHeroUrl = keptHeroes.Unprotect(actor.UserId!, Input.KeptHero);
        if (SeriesOffered)
        {
            SeriesProblem = ModelState[nameof(Series)] is { Errors.Count: > 0 }
                ? StoryInSeries.NotYours
                : await inSeries.ProblemAsync(Series, Story?.SeriesId, actor.UserId!, cancellationToken);
        }

        if (!ModelState.IsValid || SeriesProblem is not null)
        {
            // Show every rule the text breaks at once, not only the lengths the form binder checked.
            var story = Story ?? new Story { AuthorId = actor.UserId!, Title = "", Subtitle = "", Slug = "" };
            var (_, errors) = await workflow.CheckAsync(story, Input, action, cancellationToken);
            return await ShowErrorsAsync(errors, cancellationToken);
        }

        var firstPublication = Story?.PublishedAt is null;
        var outcome = Story is null
            ? await workflow.CreateAsync(actor, Input, action, publishedAt: null, cancellationToken)
            : await workflow.ChangeAsync(actor, Story, Input, action, cancellationToken);
        if (outcome.Result == StoryResult.Invalid)
        {
            return await ShowErrorsAsync(outcome.Errors, cancellationToken);
        }

        StatusMessage = outcome.Message;
        if (SeriesOffered && outcome.Succeeded && await inSeries.ApplyAsync(outcome.Story.Id, actor.UserId!, Series,
                publishedNow: firstPublication && outcome.Result == StoryResult.Published, cancellationToken) is { } moved)
        {
            StatusMessage += " " + moved;
        }

        return Redirect(EditUrl(outcome.Story.Id));
    }

    private async Task<IActionResult> ShowErrorsAsync(IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        // The picture came with a form refused for something else: stored now, so it needn't be chosen again.
        if (Input.HeroImage is { } upload && !errors.ContainsKey(nameof(StoryInput.HeroImage)) && ModelState[$"{nameof(Input)}.{nameof(StoryInput.HeroImage)}"] is not { Errors.Count: > 0 })
        {
            var (url, error) = await keptHeroes.KeepAsync(upload, cancellationToken);
            if (url is not null)
            {
                keptHeroes.Discard(Input.KeptHeroUrl);
                Input.KeptHeroUrl = url;
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(StoryInput.HeroImage)}", error!);
            }
        }

        KeptHeroToken = Input.KeptHeroUrl is { } kept ? keptHeroes.Protect(User.RequiredUserId(), kept) : null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        foreach (var (field, message) in errors)
        {
            var key = $"{nameof(Input)}.{field}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, message);
            }
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        head.Title = Story is null || Story.Id == 0 ? "Write a story" : $"Edit “{Story.Title}”";
        var canPublish = (await authorization.AuthorizeAsync(User, Policies.PublishWithoutReview)).Succeeded;
        Context = await EditorContext.LoadAsync(db, Story, canPublish, cancellationToken);
        Challenges = await challenges.ChoicesAsync(User, Story, Input.Challenge, cancellationToken);
    }

    public static string EditUrl(int? id, string? handler = null) =>
        (id is null ? "/write" : $"/stories/{id}/edit") + (handler is null ? "" : $"?handler={handler}");

    private Task<StoryActor> ActorAsync() => StoryActor.ReadAsync(User, authorization);

    // The author check is part of the query: someone else's story is simply not found.
    private Task<Story?> LoadOwnStoryAsync(int id, CancellationToken cancellationToken)
    {
        var authorId = User.RequiredUserId();
        return db.Stories.ForWorkflow().FirstOrDefaultAsync(s => s.Id == id && s.AuthorId == authorId, cancellationToken);
    }
}
