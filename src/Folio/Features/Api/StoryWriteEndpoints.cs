using System.Security.Claims;
using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>What every story write needs, bound in one piece by the endpoints.</summary>
public sealed record StoryWriteServices(
    ClaimsPrincipal User, FolioDb Db, StoryWorkflow Workflow, IAuthorizationService Authorization, SiteUrls Urls, TimeProvider Clock)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Task<StoryActor> ActorAsync() => StoryActor.ReadAsync(User, Authorization);

    // Bound by minimal APIs rather than [AsParameters]: the request delegate generator describes an [AsParameters]
    // parameter of an endpoint without a body as a request body of type void, which breaks the OpenAPI document.
    public static ValueTask<StoryWriteServices?> BindAsync(HttpContext context)
    {
        var services = context.RequestServices;
        return ValueTask.FromResult<StoryWriteServices?>(new StoryWriteServices(
            context.User, services.GetRequiredService<FolioDb>(), services.GetRequiredService<StoryWorkflow>(),
            services.GetRequiredService<IAuthorizationService>(), services.GetRequiredService<SiteUrls>(), services.GetRequiredService<TimeProvider>()));
    }
}

/// <summary>Create, change and delete stories through the story workflow, as the editor does; this file turns its outcomes into JSON.</summary>
public static class StoryWriteEndpoints
{
    public static async Task<Results<Created<StoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStoryRequest request, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var actor = await services.ActorAsync();
        var validation = new StoryValidation();
        validation.CheckStatus(request.Status, allowUnpublished: false, out var status);
        var publishedAt = validation.CheckPublishedAt(request.PublishedAt, status, actor, services.Now);
        var input = request.ToInput();
        var action = status == RequestedStatus.Published ? StoryAction.Publish : StoryAction.Save;
        var blank = new Story { AuthorId = actor.UserId!, Title = "", Subtitle = "", Slug = "" };
        await validation.CheckStoryAsync(services.Workflow, blank, input, request.Tags, action, cancellationToken);
        if (validation.HasErrors)
        {
            return validation.ToProblem();
        }

        var outcome = await services.Workflow.CreateAsync(actor, input, action, publishedAt, cancellationToken);
        if (outcome.Result == StoryResult.Invalid)
        {
            return StoryValidation.Invalid(outcome.Errors);
        }

        var story = outcome.Story;
        await services.Db.Entry(story).Reference(s => s.Author).LoadAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/stories/{story.Id}", StoryResponse.From(story, services.Urls, actor));
    }

    public static async Task<Results<Ok<StoryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, UpdateStoryRequest request, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var (actor, story, unreachable) = await FindAsync(id, services, cancellationToken);
        if (unreachable is not null)
        {
            return unreachable;
        }

        var validation = new StoryValidation();
        validation.CheckStatus(request.Status, allowUnpublished: true, out var requested);
        if (validation.HasErrors)
        {
            return validation.ToProblem();
        }

        var action = requested switch
        {
            RequestedStatus.Published => StoryAction.Publish,
            RequestedStatus.Draft => StoryAction.Withdraw,
            RequestedStatus.Unpublished => StoryAction.Unpublish,
            _ => StoryAction.Save,
        };
        // A story in review is refused by the workflow whatever the content, so its content isn't checked first.
        var input = request.ChangesContent ? request.ApplyTo(EditorContext.InputFrom(story!)) : null;
        if (input is not null && story!.Status != StoryStatus.Pending)
        {
            await validation.CheckStoryAsync(services.Workflow, story, input, request.Tags, action, cancellationToken);
            if (validation.HasErrors)
            {
                return validation.ToProblem();
            }
        }

        var outcome = await services.Workflow.ChangeAsync(actor, story!, input, action, cancellationToken);
        return outcome.Result switch
        {
            StoryResult.Invalid => StoryValidation.Invalid(outcome.Errors),
            _ when !outcome.Succeeded => ToProblem(outcome),
            _ => TypedResults.Ok(StoryResponse.From(story!, services.Urls, actor)),
        };
    }

    public static async Task<Results<Ok<StoryResponse>, ProblemHttpResult>> WithdrawRevisionAsync(
        int id, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var (actor, story, unreachable) = await FindAsync(id, services, cancellationToken);
        if (unreachable is not null)
        {
            return unreachable;
        }

        var outcome = await services.Workflow.WithdrawRevisionAsync(actor, story!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(StoryResponse.From(story!, services.Urls, actor)) : ToProblem(outcome);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var (actor, story, unreachable) = await FindAsync(id, services, cancellationToken);
        if (unreachable is not null)
        {
            return unreachable;
        }

        var outcome = await services.Workflow.DeleteAsync(actor, story!, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : ToProblem(outcome);
    }

    /// <summary>404 for a story the caller can't see, so its existence isn't revealed; 403 for one they can see but not change.</summary>
    private static async Task<(StoryActor Actor, Story? Story, ProblemHttpResult? Unreachable)> FindAsync(
        int id, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var actor = await services.ActorAsync();
        var story = await services.Db.Stories.VisibleTo(actor).ForResponse().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return story switch
        {
            null => (actor, null, StoryEndpoints.NotFound(id)),
            _ when !actor.MayChange(story) => (actor, story, ApiProblems.Forbidden("Only the story's author, or a moderator, can change or delete it.")),
            _ => (actor, story, null),
        };
    }

    /// <summary>A refusal is a 409 whose detail says what to send instead.</summary>
    private static ProblemHttpResult ToProblem(StoryOutcome outcome) => outcome.Refusal switch
    {
        StoryRefusal.NotYours => ApiProblems.Forbidden(outcome.Message),
        _ => ApiProblems.Conflict(outcome.Refusal switch
        {
            StoryRefusal.InReview =>
                "This story is waiting for review. Withdraw it from review to edit it: send {\"status\": \"draft\"} on its own, then your changes.",
            StoryRefusal.PublishedIsNotADraft =>
                "This story is published. To take it offline send \"status\": \"unpublished\"; it can be published again later and keeps its date.",
            StoryRefusal.NoRevision => "This story has no changes waiting for review: its published version is all there is.",
            _ => outcome.Message,
        }),
    };
}
