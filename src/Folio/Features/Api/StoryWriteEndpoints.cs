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
    ClaimsPrincipal User, FolioDb Db, StoryEditor Editor, HeroImages Heroes, IAuthorizationService Authorization, SiteUrls Urls, TimeProvider Clock)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Task<StoryCaller> CallerAsync() => StoryCaller.ReadAsync(User, Authorization);
}

/// <summary>Create, change and delete stories through the editor's own rules and save (StoryRules, StoryEditor).</summary>
public static class StoryWriteEndpoints
{
    public static async Task<Results<Created<StoryResponse>, ValidationProblem>> CreateAsync(
        CreateStoryRequest request, [AsParameters] StoryWriteServices services, CancellationToken cancellationToken)
    {
        var caller = await services.CallerAsync();
        var validation = new StoryValidation();
        validation.CheckStatus(request.Status, allowUnpublished: false, out var status);
        var publishedAt = validation.CheckPublishedAt(request.PublishedAt, status, caller, services.Now);
        var community = await services.Editor.FindCommunityAsync(request.Community, cancellationToken);
        validation.CheckCommunity(request.Community, community);
        var input = request.ToInput();
        validation.CheckStory(input, request.Tags, community, status == RequestedStatus.Published ? StoryIntent.Submit : StoryIntent.SaveDraft);
        if (validation.HasErrors)
        {
            return validation.ToProblem();
        }

        var story = new Story { AuthorId = caller.UserId!, Title = "", Subtitle = "", Slug = "", CreatedAt = services.Now };
        await services.Editor.ApplyAsync(story, input, community!, cancellationToken);
        services.Db.Stories.Add(story);
        if (status == RequestedStatus.Published)
        {
            await PublishOrSubmitAsync(story, caller, publishedAt, services, cancellationToken);
        }

        await services.Db.SaveChangesAsync(cancellationToken);
        await services.Db.Entry(story).Reference(s => s.Author).LoadAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/stories/{story.Id}", StoryResponse.From(story, services.Urls));
    }

    public static async Task<Results<Ok<StoryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, UpdateStoryRequest request, [AsParameters] StoryWriteServices services, CancellationToken cancellationToken)
    {
        var caller = await services.CallerAsync();
        var story = await services.Db.Stories.VisibleTo(caller).ForResponse().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null || !caller.MayChange(story))
        {
            return Unreachable(story, id);
        }

        var validation = new StoryValidation();
        validation.CheckStatus(request.Status, allowUnpublished: true, out var requested);
        if (validation.HasErrors)
        {
            return validation.ToProblem();
        }

        if (story.Status == StoryStatus.Pending)
        {
            return await ChangePendingAsync(story, request, requested, caller, services, cancellationToken);
        }

        var plan = StoryStatusPlan.For(story.Status, requested);
        if (plan.Conflict is { } conflict)
        {
            return ApiProblems.Conflict(conflict);
        }

        var community = story.Community;
        if (request.Community is not null)
        {
            var wanted = await services.Editor.FindCommunityAsync(request.Community, cancellationToken);
            validation.CheckCommunity(request.Community, wanted);
            if (wanted is not null && wanted.Id != story.CommunityId && story.PublishedAt is not null)
            {
                validation.Add("community", $"A story stays in the community it was first published in (“{story.Community.Slug}”).");
            }
            else if (wanted is not null)
            {
                community = wanted;
            }
        }

        var input = request.ApplyTo(EditorContext.InputFrom(story));
        validation.CheckStory(input, request.Tags, community, plan.Intent);
        if (validation.HasErrors)
        {
            return validation.ToProblem();
        }

        if (request.ChangesContent)
        {
            await services.Editor.ApplyAsync(story, input, community, cancellationToken);
        }

        if (plan.Action == StoryStatusAction.PublishOrSubmit)
        {
            await PublishOrSubmitAsync(story, caller, publishedAt: null, services, cancellationToken);
        }
        else if (plan.Action == StoryStatusAction.Unpublish)
        {
            story.Unpublish();
        }

        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StoryResponse.From(story, services.Urls));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, [AsParameters] StoryWriteServices services, CancellationToken cancellationToken)
    {
        var caller = await services.CallerAsync();
        var story = await services.Db.Stories.VisibleTo(caller).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null || !caller.MayChange(story))
        {
            return Unreachable(story, id);
        }

        // Comments, hearts, insights, reviews, reports, reads and notifications go with it (the database's cascades).
        var heroImage = story.HeroImageUrl;
        services.Db.Stories.Remove(story);
        await services.Db.SaveChangesAsync(cancellationToken);
        services.Heroes.DeleteIfUploaded(heroImage);
        return TypedResults.NoContent();
    }

    /// <summary>As in the editor, a story in review is only withdrawn by its author; nothing else changes it until a moderator decides.</summary>
    private static async Task<Results<Ok<StoryResponse>, ValidationProblem, ProblemHttpResult>> ChangePendingAsync(
        Story story, UpdateStoryRequest request, RequestedStatus? requested, StoryCaller caller, StoryWriteServices services, CancellationToken cancellationToken)
    {
        if (!caller.Owns(story))
        {
            return ApiProblems.Conflict("This story is waiting for review. Approve it or send it back from the review queue (/moderation) before changing it.");
        }

        if (requested != RequestedStatus.Draft || request.ChangesContent)
        {
            return ApiProblems.Conflict(
                "This story is waiting for review. Withdraw it from review to edit it: send {\"status\": \"draft\"} on its own, then your changes.");
        }

        story.WithdrawToDraft();
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StoryResponse.From(story, services.Urls));
    }

    private static async Task PublishOrSubmitAsync(Story story, StoryCaller caller, DateTime? publishedAt, StoryWriteServices services, CancellationToken cancellationToken)
    {
        if (caller.CanPublish)
        {
            await services.Editor.PublishAsync(story, publishedAt ?? services.Now, cancellationToken);
        }
        else
        {
            story.SubmitForReview(services.Now);
        }
    }

    /// <summary>404 for a story the caller can't see, so its existence isn't revealed; 403 for one they can see but not change.</summary>
    private static ProblemHttpResult Unreachable(Story? story, int id) => story is null
        ? StoryEndpoints.NotFound(id)
        : ApiProblems.Forbidden("Only the story's author, or a moderator, can change or delete it.");
}
