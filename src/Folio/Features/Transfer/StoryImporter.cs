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

    private readonly List<(ImportedStory Story, string AuthorId)> _queued = [];
    private readonly ImportedSeries _series = new(db);

    public async Task<bool> IsImportedAsync(string importKey, CancellationToken cancellationToken) =>
        _queued.Any(q => q.Story.ImportKey == importKey) || await db.Stories.AnyAsync(s => s.ImportKey == importKey, cancellationToken);

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

    /// <summary>
    /// Takes the story to be saved with the rest of its batch by <see cref="SaveQueuedAsync"/> (a <see cref="TransferBatch"/>
    /// calls it before each commit): bodies rendered in parallel and one save for the batch, not one per story.
    /// </summary>
    public void Queue(ImportedStory imported, string authorId)
    {
        _queued.Add((imported, authorId));
    }

    public async Task SaveQueuedAsync(ImportReport report, CancellationToken cancellationToken)
    {
        if (_queued.Count == 0)
        {
            return;
        }

        var queued = _queued.ToList();
        _queued.Clear();
        var markdown = queued.Select(q => q.Story.BodyMarkdown.ReplaceLineEndings("\n")).ToArray();
        var bodies = StoryRenderer.RenderAll(markdown);

        var notes = new List<ImportNote>();
        var saving = new Dictionary<int, HashSet<string>>();
        var stories = new List<Story>();
        for (var i = 0; i < queued.Count; i++)
        {
            stories.Add(await NewStoryAsync(queued[i].Story, queued[i].AuthorId, markdown[i], bodies[i], notes, saving, cancellationToken));
        }

        try
        {
            await workflow.ImportAsync(stories, cancellationToken);
            report.Notes.AddRange(notes);
            stories.ForEach(_ => report.Import());
        }
        catch (DbUpdateException)
        {
            // Someone saved a story with the same slug or import key while the import ran: one at a time, so that one
            // refused story keeps out only itself (the next run picks it up).
            db.ChangeTracker.Clear();
            for (var i = 0; i < queued.Count; i++)
            {
                await SaveAloneAsync(queued[i].Story, queued[i].AuthorId, markdown[i], bodies[i], report, cancellationToken);
            }
        }

        db.ChangeTracker.Clear(); // a long import must not keep every story it saved in memory
        _series.Forget();
    }

    private async Task SaveAloneAsync(ImportedStory imported, string authorId, string markdown, RenderedStory body, ImportReport report,
        CancellationToken cancellationToken)
    {
        var notes = new List<ImportNote>();
        try
        {
            await workflow.ImportAsync([await NewStoryAsync(imported, authorId, markdown, body, notes, [], cancellationToken)], cancellationToken);
            report.Notes.AddRange(notes);
            report.Import();
        }
        catch (DbUpdateException failed)
        {
            db.ChangeTracker.Clear();
            report.Skip(imported.Source, $"the database refused it: {failed.InnerException?.Message ?? failed.Message}");
        }
    }

    /// <param name="saving">Slugs taken by stories of the same batch, by community.</param>
    private async Task<Story> NewStoryAsync(ImportedStory imported, string authorId, string markdown, RenderedStory body, List<ImportNote> notes,
        Dictionary<int, HashSet<string>> saving, CancellationToken cancellationToken)
    {
        var taken = saving.TryGetValue(imported.Community.Id, out var set) ? set : saving[imported.Community.Id] = [];
        var story = new Story
        {
            CommunityId = imported.Community.Id,
            AuthorId = authorId,
            Title = imported.Title.Trim(),
            Subtitle = imported.Subtitle.Trim(),
            Slug = await StorySlugs.UniqueAsync(db, imported.Community.Id, imported.Slug ?? imported.Title, 0, cancellationToken, taken),
            HeroImageUrl = imported.HeroImageUrl,
            ImportKey = imported.ImportKey,
            CreatedAt = imported.CreatedAt,
            UpdatedAt = imported.UpdatedAt,
            Tags = await TagResolver.ResolveAsync(db, imported.Tags, cancellationToken),
            Making = imported.Labels.Making,
            Warnings = imported.Labels.Warnings,
            WarningNote = imported.Labels.WarningNote,
        };
        taken.Add(story.Slug);
        if (imported.Series is { } seriesTitle)
        {
            await _series.PlaceAsync(story, seriesTitle, imported.SeriesPart, imported.CreatedAt, cancellationToken);
        }

        story.SetBody(markdown, body);
        if (imported.Published)
        {
            story.Publish(imported.PublishedAt ?? imported.CreatedAt);
        }

        if (imported.Slug is { } wanted && story.Slug != Shared.Slug.From(wanted))
        {
            notes.Add(new ImportNote(imported.Source, $"slug “{wanted}” is taken in /{imported.Community.Slug}; the story is at {StoryLinks.Path(imported.Community.Slug, story.Slug)}"));
        }

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
