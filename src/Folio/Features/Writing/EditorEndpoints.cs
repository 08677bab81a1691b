using System.Security.Claims;
using System.Text.Json;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Folio.Shared.Images;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

public sealed record PreviewRequest(string? Body);

public sealed record PreviewResponse(string Html, int Words, int ReadingMinutes);

/// <summary>What the editor sends as the author types; labels left out altogether (an older page) keep the story's.</summary>
public sealed record AutosaveRequest(
    string? Title, string? Subtitle, string? Body, string? Tags, bool CommentsEnabled = true,
    string? Making = null, IReadOnlyList<string?>? Warnings = null, string? WarningNote = null)
{
    public bool HasLabels => Making is not null || Warnings is not null || WarningNote is not null;
}

public sealed record AutosaveResponse(DateTime SavedAt);

/// <summary>The editor's live preview and draft autosave, called by wwwroot/js/editor.js.</summary>
public static class EditorEndpoints
{
    public static IEndpointRouteBuilder MapEditorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/write").RequireAuthorization(Policies.Write).DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                // The page's antiforgery token travels in a header, so these JSON calls are as protected as the form.
                var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
                return await antiforgery.IsRequestValidAsync(context.HttpContext)
                    ? await next(context)
                    : TypedResults.Problem("The page’s security token is missing or stale. Reload the page; your text is kept on this device.", statusCode: 400);
            });
        group.MapPost("/preview", Preview);
        group.MapPost("/autosave/{id:int}", AutosaveAsync);
        group.MapPost("/images", InlineImages.UploadAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImageVariants.MaxBytes + 1024 * 1024))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = ImageVariants.MaxBytes + 1024 * 1024 });
        return endpoints;
    }

    private static Ok<PreviewResponse> Preview(PreviewRequest request)
    {
        var rendered = StoryRenderer.Render(request.Body ?? "");
        return TypedResults.Ok(new PreviewResponse(rendered.Html, rendered.WordCount, rendered.ReadingMinutes));
    }

    private static async Task<Results<Ok<AutosaveResponse>, NotFound, Conflict<string>, ValidationProblem>> AutosaveAsync(
        int id, AutosaveRequest request, ClaimsPrincipal user, FolioDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var authorId = user.UserId();
        var story = await db.Stories.Include(s => s.Tags)
            .FirstOrDefaultAsync(s => s.Id == id && s.AuthorId == authorId, cancellationToken);
        if (story is null)
        {
            return TypedResults.NotFound();
        }

        if (story.Status is StoryStatus.Pending or StoryStatus.Published or StoryStatus.Held)
        {
            return TypedResults.Conflict("Only drafts are saved automatically; use the page’s buttons to change a story that is live, in review or held for a challenge.");
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 120 || (request.Subtitle?.Length ?? 0) > 200 || (request.Body?.Length ?? 0) > 200_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["draft"] = ["A draft needs a title of 1–120 characters, a subtitle of at most 200 and a body of at most 200,000 characters."],
            });
        }

        var (labels, labelErrors) = request.HasLabels
            ? StoryLabelSet.Parse(request.Making, request.Warnings ?? [], request.WarningNote)
            : (story.Labels, new Dictionary<string, string>());
        if (labels is null)
        {
            return TypedResults.ValidationProblem(labelErrors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }));
        }

        story.Title = request.Title.Trim();
        story.Subtitle = request.Subtitle?.Trim() ?? "";
        var body = (request.Body ?? "").ReplaceLineEndings("\n");
        if (body != story.BodyMarkdown)
        {
            story.SetBody(body, StoryRenderer.Render(body));
        }

        story.CommentsEnabled = request.CommentsEnabled;
        story.Label(labels);
        story.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new AutosaveResponse(story.UpdatedAt));
    }
}
