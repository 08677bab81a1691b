using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>Applies what an author typed to their story or its revision: body rendering, tags, slug and hero image. StoryWorkflow decides which.</summary>
public sealed class StoryEditor(FolioDb db, HeroImages heroes, TimeProvider clock)
{
    public Task<Community?> FindCommunityAsync(string? slug, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(slug)
            ? Task.FromResult<Community?>(null)
            : db.Communities.FirstOrDefaultAsync(c => c.Slug == slug.Trim().ToLowerInvariant(), cancellationToken);

    /// <summary>Returns field errors; on success the story is tracked with its changes (call SaveChanges).</summary>
    public async Task<Dictionary<string, string>> ApplyAsync(Story story, StoryInput input, Community community, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = input.Title!.Trim();
        var neverPublished = story.PublishedAt is null;
        if (neverPublished && (story.Id == 0 || story.CommunityId != community.Id || story.Title != title))
        {
            story.Community = community;
            story.CommunityId = community.Id;
            story.Slug = await StorySlugs.UniqueAsync(db, community.Id, title, story.Id, cancellationToken);
        }

        story.Title = title;
        story.Subtitle = input.Subtitle?.Trim() ?? "";
        if (story.Id == 0 || input.NormalizedBody != story.BodyMarkdown)
        {
            story.SetBody(input.NormalizedBody, input.Rendered);
        }

        story.CommentsEnabled = input.CommentsEnabled;
        story.Label(input.Labels);
        story.Tags = await TagResolver.ResolveAsync(db, input.TagNames, cancellationToken);
        story.UpdatedAt = now;

        var (hero, errors) = await HeroImageAsync(story.HeroImageUrl, input, keep: null, cancellationToken);
        story.HeroImageUrl = hero;
        (story.HeroAltText, story.HeroCaption) = HeroWords(hero, input);
        return errors;
    }

    /// <summary>
    /// The same changes, kept in the story's revision rather than the story: readers see none of them until a moderator
    /// approves. The live story's hero image is never deleted here.
    /// </summary>
    public async Task<Dictionary<string, string>> ProposeAsync(Story story, StoryRevision revision, StoryInput input, CancellationToken cancellationToken)
    {
        revision.Title = input.Title!.Trim();
        revision.Subtitle = input.Subtitle?.Trim() ?? "";
        if (revision.BodyHtml.Length == 0 || input.NormalizedBody != revision.BodyMarkdown)
        {
            revision.SetBody(input.NormalizedBody, input.Rendered);
        }

        revision.Labels = input.Labels;
        revision.TagNames = StoryTagNames.Join(input.TagNames.Take(StoryRules.MaxTags).Select(t => t.Trim()));
        var (hero, errors) = await HeroImageAsync(revision.HeroImageUrl, input, keep: story.HeroImageUrl, cancellationToken);
        revision.HeroImageUrl = hero;
        (revision.HeroAltText, revision.HeroCaption) = HeroWords(hero, input);
        return errors;
    }

    /// <summary>Alt text and caption describe a hero, so they go when it does.</summary>
    private static (string? AltText, string? Caption) HeroWords(string? hero, StoryInput input) =>
        hero is null ? (null, null) : (HeroText.Clean(input.HeroAltText), HeroText.Clean(input.HeroCaption));

    /// <summary>
    /// The hero image after this input: removed, replaced by an upload (or one kept from a refused form), or as it was.
    /// Replaced files are deleted unless they are <paramref name="keep"/>.
    /// </summary>
    private async Task<(string? Url, Dictionary<string, string> Errors)> HeroImageAsync(string? current, StoryInput input, string? keep, CancellationToken cancellationToken)
    {
        var replaced = current;
        if (input.RemoveHeroImage)
        {
            current = null;
        }

        if (input.HeroImage is { } upload)
        {
            var (url, error) = await heroes.SaveAsync(upload, cancellationToken);
            if (error is not null)
            {
                return (replaced, new() { [nameof(StoryInput.HeroImage)] = error });
            }

            current = url;
            heroes.DeleteIfUploaded(input.KeptHeroUrl);
        }
        else if (input.KeptHeroUrl is { } kept)
        {
            if (input.RemoveHeroImage)
            {
                heroes.DeleteIfUploaded(kept);
            }
            else
            {
                current = kept;
            }
        }

        if (replaced != current && replaced != keep)
        {
            heroes.DeleteIfUploaded(replaced);
        }

        return (current, []);
    }
}
