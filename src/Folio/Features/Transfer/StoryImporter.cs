using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Features.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>What to do with tags the editor would refuse: a Markdown file can be fixed and imported again, an export cannot.</summary>
public enum TagPolicy
{
    SkipStory,
    KeepWhatFits,
}

/// <summary>
/// Fits imported stories to the editor's rules and saves them through the story workflow, keeping their dates. Nobody
/// is notified and no email is queued: an import brings in the past, it is not news.
/// </summary>
public sealed class StoryImporter(FolioDb db, StoryWorkflow workflow)
{
    // The editor's limits (StoryInput, StoryRules) and the columns' (StoryConfiguration).
    public const int MaxTitle = 120;
    public const int MaxSubtitle = 200;
    public const int MaxBody = 200_000;
    public const int MaxImportKey = 300;
    public const int MaxHeroImageUrl = 500;

    public Task<bool> IsImportedAsync(string importKey, CancellationToken cancellationToken) =>
        db.Stories.AnyAsync(s => s.ImportKey == importKey, cancellationToken);

    /// <summary>Fits the story to the rules, noting what changed; returns false (with the reason in the report) when it cannot.</summary>
    public static bool Fit(ImportedStory story, TagPolicy tagPolicy, ImportReport report)
    {
        var problem = story switch
        {
            { ImportKey.Length: > MaxImportKey } => $"its import key is longer than {MaxImportKey} characters; give it a shorter `id` or path",
            { Title: var title } when string.IsNullOrWhiteSpace(title) => "it has no title",
            { Title.Length: > MaxTitle } => $"its title has {story.Title.Length} characters; titles are at most {MaxTitle}",
            { BodyMarkdown.Length: > MaxBody } => $"its text has {story.BodyMarkdown.Length:N0} characters; a story is at most {MaxBody:N0}",
            { BodyMarkdown: var body } when string.IsNullOrWhiteSpace(body) => "it has no text",
            _ => null,
        } ?? FitTags(story, tagPolicy, report);
        if (problem is not null)
        {
            report.Skip(story.Source, problem);
            return false;
        }

        if (story.Subtitle.Length > MaxSubtitle)
        {
            story.Subtitle = Shorten(story.Subtitle, MaxSubtitle);
            report.Note(story.Source, $"subtitle cut to {MaxSubtitle} characters");
        }

        if (story.HeroImageUrl is { Length: > MaxHeroImageUrl })
        {
            story.HeroImageUrl = null;
            report.Note(story.Source, $"hero image left out: its address is longer than {MaxHeroImageUrl} characters");
        }

        return true;
    }

    public async Task<Story?> SaveAsync(ImportedStory imported, string authorId, ImportReport report, CancellationToken cancellationToken)
    {
        var story = new Story
        {
            CommunityId = imported.Community.Id,
            AuthorId = authorId,
            Title = imported.Title.Trim(),
            Subtitle = imported.Subtitle.Trim(),
            Slug = await StorySlugs.UniqueAsync(db, imported.Community.Id, imported.Slug ?? imported.Title, 0, cancellationToken),
            HeroImageUrl = imported.HeroImageUrl,
            ImportKey = imported.ImportKey,
            CreatedAt = imported.CreatedAt,
            UpdatedAt = imported.UpdatedAt,
            Tags = await TagResolver.ResolveAsync(db, imported.Tags, cancellationToken),
        };
        var markdown = imported.BodyMarkdown.ReplaceLineEndings("\n");
        story.SetBody(markdown, StoryRenderer.Render(markdown));

        if (imported.Slug is { } wanted && story.Slug != Shared.Slug.From(wanted))
        {
            report.Note(imported.Source, $"slug “{wanted}” is taken in /{imported.Community.Slug}; the story is at {StoryLinks.Path(imported.Community.Slug, story.Slug)}");
        }

        try
        {
            await workflow.ImportAsync(story, imported.Published ? imported.PublishedAt ?? imported.CreatedAt : null, cancellationToken);
        }
        catch (DbUpdateException failed)
        {
            // Someone saved a story with the same slug or import key while the import ran; the next run picks it up.
            db.ChangeTracker.Clear();
            report.Skip(imported.Source, $"the database refused it: {failed.InnerException?.Message ?? failed.Message}");
            return null;
        }

        db.ChangeTracker.Clear(); // a long import must not keep every story it saved in memory
        report.Import();
        return story;
    }

    private static string? FitTags(ImportedStory story, TagPolicy policy, ImportReport report)
    {
        var tags = story.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(TagSlug.From).ToList();
        var invalid = tags.Where(t => t.Length > TagSlug.MaxLength || TagSlug.From(t).Length == 0).ToList();
        if (policy == TagPolicy.SkipStory)
        {
            if (invalid.Count > 0)
            {
                return $"“{invalid[0]}” can’t be a tag: use letters or digits, at most {TagSlug.MaxLength} characters";
            }

            if (tags.Count > StoryRules.MaxTags)
            {
                return $"it has {tags.Count} tags; a story has at most {StoryRules.MaxTags}";
            }
        }

        if (invalid.Count > 0)
        {
            report.Note(story.Source, $"left out tags that can’t be tags here: {string.Join(", ", invalid.Select(t => $"“{t}”"))}");
        }

        var valid = tags.Except(invalid).ToList();
        if (valid.Count > StoryRules.MaxTags)
        {
            report.Note(story.Source, $"kept the first {StoryRules.MaxTags} of its {valid.Count} tags, left out {string.Join(", ", valid.Skip(StoryRules.MaxTags))}");
        }

        story.Tags = valid.Take(StoryRules.MaxTags).ToList();
        return null;
    }

    private static string Shorten(string text, int max)
    {
        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }
}
