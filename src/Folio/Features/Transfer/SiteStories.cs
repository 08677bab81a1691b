using Folio.Data;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's stories a batch at a time, each with everything that hangs on it, saved together through the story
/// workflow: per batch one query for the import keys already here, one for the slugs taken, one for the tags, and one
/// save. If the database refuses the batch, its stories are saved again one by one, so only the refused one is skipped.
/// </summary>
internal sealed class SiteStories(FolioDb db, StoryWorkflow workflow, SiteExportFile file, Dictionary<string, int> communities, SitePeople people,
    RemoteAuthors remoteAuthors)
{
    private readonly SiteEngagement _engagement = new(db, file, people, remoteAuthors);
    private readonly Dictionary<string, string> _tagNames = file.Tags.DistinctBy(t => t.Slug).ToDictionary(t => t.Slug, t => t.Name);
    private readonly HashSet<string> _keysSeen = [];
    private readonly Dictionary<int, int> _ids = [];

    /// <summary>The id here of each exported story (by its id in the file) that was imported now or before, for what refers to stories later.</summary>
    public IReadOnlyDictionary<int, int> Ids => _ids;

    private sealed record Arriving(ExportedStory Exported, string Key, int CommunityId, string AuthorId, StoryStatus Status)
    {
        public string Source => $"story {StoryLinks.Path(Exported.Community, Exported.Slug)}";
    }

    public async Task ImportAsync(IReadOnlyList<ExportedStory> batch, ImportReport report, CancellationToken cancellationToken)
    {
        var arriving = await ArrivingAsync(batch, report, cancellationToken);
        // Markdown to HTML is most of an import's work and needs no database: done on every core.
        var bodies = StoryRenderer.RenderAll([.. arriving.Select(a => a.Exported.Markdown ?? "")]);
        try
        {
            await SaveAsync(arriving, bodies, report, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            for (var i = 0; i < arriving.Count; i++)
            {
                try
                {
                    await SaveAsync([arriving[i]], [bodies[i]], report, cancellationToken);
                }
                catch (DbUpdateException failed)
                {
                    db.ChangeTracker.Clear();
                    report.Skip(arriving[i].Source, $"the database refused it: {failed.InnerException?.Message ?? failed.Message}");
                }
            }
        }

        db.ChangeTracker.Clear(); // a long import must not keep every story it saved in memory
    }

    /// <summary>The batch's stories that are not here yet and can be imported; the rest are counted or skipped.</summary>
    private async Task<List<Arriving>> ArrivingAsync(IReadOnlyList<ExportedStory> batch, ImportReport report, CancellationToken cancellationToken)
    {
        var keys = batch.Select(e => e.ImportKey ?? $"folio:{e.Community}/{e.Slug}").ToList();
        var stored = await db.Stories.Where(s => s.ImportKey != null && keys.Contains(s.ImportKey))
            .Select(s => new { s.ImportKey, s.Id }).ToDictionaryAsync(s => s.ImportKey!, s => s.Id, cancellationToken);
        var arriving = new List<Arriving>();
        foreach (var (exported, key) in batch.Zip(keys))
        {
            if (stored.TryGetValue(key, out var storedId) || _keysSeen.Contains(key))
            {
                if (storedId != 0)
                {
                    _ids.TryAdd(exported.Id, storedId);
                }

                report.AlreadyImported();
            }
            else if (!communities.TryGetValue(exported.Community, out var communityId) || people.IdOf(exported.Author) is not { } authorId
                || !Enum.TryParse<StoryStatus>(exported.Status.Replace("-", ""), ignoreCase: true, out var status))
            {
                report.Skip($"story {StoryLinks.Path(exported.Community, exported.Slug)}",
                    $"its community, author or status (“{exported.Community}”, “{exported.Author}”, “{exported.Status}”) is not in the export or not here");
            }
            else
            {
                _keysSeen.Add(key);
                arriving.Add(new Arriving(exported, key, communityId, authorId, status));
            }
        }

        return arriving;
    }

    private async Task SaveAsync(IReadOnlyList<Arriving> arriving, IReadOnlyList<RenderedStory> bodies, ImportReport report, CancellationToken cancellationToken)
    {
        var slugs = await SlugsAsync(arriving, cancellationToken);
        var tags = await TagsAsync(arriving, cancellationToken);
        var stories = new List<Story>();
        var notes = new List<ImportNote>();
        for (var i = 0; i < arriving.Count; i++)
        {
            var (exported, key, communityId, authorId, status) = arriving[i];
            var story = new Story
            {
                CommunityId = communityId,
                AuthorId = authorId,
                Title = exported.Title,
                Subtitle = exported.Subtitle ?? "",
                Slug = slugs[i],
                HeroImageUrl = exported.HeroImageUrl,
                HeroAltText = Clip(exported.HeroAltText, HeroText.MaxAltText),
                HeroCaption = Clip(exported.HeroCaption, HeroText.MaxCaption),
                ImportKey = key,
                CommentsEnabled = exported.CommentsEnabled,
                CreatedAt = exported.CreatedAt,
                UpdatedAt = exported.UpdatedAt,
                Tags = [.. (exported.Tags ?? []).Select(TagSlugOf).Where(slug => slug.Length > 0).Distinct().Select(slug => tags[slug])],
            };
            story.SetBody(exported.Markdown ?? "", bodies[i]);
            SetLabels(story, arriving[i], notes);
            SetStatus(story, status, exported);
            if (story.Status == StoryStatus.Published)
            {
                story.ProfilePinnedAt = exported.ProfilePinnedAt;
                story.CommunityPinnedAt = exported.CommunityPinnedAt;
            }
            if (exported.TopStory is { } top && (top.By is null ? null : people.IdOf(top.By)) is { } moderatorId)
            {
                story.MarkTopStory(top.Note ?? "", moderatorId, top.At);
            }

            if (story.Slug != exported.Slug)
            {
                notes.Add(new ImportNote(arriving[i].Source, $"another story here has that address; this one is at {StoryLinks.Path(exported.Community, story.Slug)}"));
            }

            stories.Add(story);
            _engagement.Add(story, exported.Id);
        }

        await workflow.ImportAsync(stories, cancellationToken);
        for (var i = 0; i < arriving.Count; i++)
        {
            _ids[arriving[i].Exported.Id] = stories[i].Id;
        }

        foreach (var _ in stories)
        {
            report.Import();
        }

        report.Notes.AddRange(notes);
    }

    /// <summary>Each story's slug: the one it had, unless another story in its community has it.</summary>
    private async Task<List<string>> SlugsAsync(IReadOnlyList<Arriving> arriving, CancellationToken cancellationToken)
    {
        var wanted = arriving.Select(a => (a.CommunityId, Slug: StorySlugs.Base(a.Exported.Slug))).ToList();
        var communityIds = wanted.Select(w => w.CommunityId).Distinct().ToList();
        var bases = wanted.Select(w => w.Slug).Distinct().ToList();
        var taken = (await db.Stories.Where(s => communityIds.Contains(s.CommunityId) && bases.Contains(s.Slug))
            .Select(s => new { s.CommunityId, s.Slug }).ToListAsync(cancellationToken)).Select(s => (s.CommunityId, s.Slug)).ToHashSet();
        var inBatch = new Dictionary<int, HashSet<string>>();
        var slugs = new List<string>();
        foreach (var (communityId, slug) in wanted)
        {
            var saving = inBatch.TryGetValue(communityId, out var set) ? set : inBatch[communityId] = [];
            var free = taken.Contains((communityId, slug)) || saving.Contains(slug)
                ? await StorySlugs.UniqueAsync(db, communityId, slug, 0, cancellationToken, saving)
                : slug;
            saving.Add(free);
            slugs.Add(free);
        }

        return slugs;
    }

    private async Task<Dictionary<string, Tag>> TagsAsync(IReadOnlyList<Arriving> arriving, CancellationToken cancellationToken)
    {
        var names = arriving.SelectMany(a => a.Exported.Tags ?? []).Select(slug => _tagNames.GetValueOrDefault(slug, slug));
        return (await TagResolver.ResolveAsync(db, names, cancellationToken)).ToDictionary(t => t.Slug);
    }

    private string TagSlugOf(string exportedSlug) => TagSlug.From(_tagNames.GetValueOrDefault(exportedSlug, exportedSlug));

    /// <summary>Hand-edited files may carry longer words than the columns hold; the start is kept.</summary>
    private static string? Clip(string? text, int max) => HeroText.Clean(text) is { } clean && clean.Length > max ? clean[..max] : HeroText.Clean(text);

    /// <summary>A label this Folio doesn't know (from a newer one, or a hand-edited file) is left out and noted; the story still comes.</summary>
    private static void SetLabels(Story story, Arriving arriving, List<ImportNote> notes)
    {
        var exported = arriving.Exported;
        if (LabelNames.TryParseMaking(exported.Making, out var made))
        {
            story.Making = made;
        }
        else if (!string.IsNullOrWhiteSpace(exported.Making))
        {
            notes.Add(new ImportNote(arriving.Source, $"left out how it was made, “{exported.Making}”, which isn’t one of {LabelNames.MakingChoices}"));
        }

        foreach (var name in exported.Warnings ?? [])
        {
            if (LabelNames.TryParseWarning(name, out var warning))
            {
                story.Warnings |= warning;
            }
            else
            {
                notes.Add(new ImportNote(arriving.Source, $"left out its warning “{name}”, which isn’t one of {LabelNames.WarningChoices}"));
            }
        }

        story.WarningNote = Clip(exported.WarningNote, StoryLabels.MaxWarningNote);
    }

    private static void SetStatus(Story story, StoryStatus status, ExportedStory exported)
    {
        if (exported.PublishedAt is { } publishedAt)
        {
            story.Publish(publishedAt);
        }

        switch (status)
        {
            case StoryStatus.Draft:
                story.WithdrawToDraft();
                break;
            case StoryStatus.Pending:
                story.SubmitForReview(exported.SubmittedAt ?? exported.UpdatedAt);
                break;
            case StoryStatus.SentBack:
                story.SendBack();
                break;
            case StoryStatus.Unpublished:
                story.Unpublish();
                break;
            case StoryStatus.Held:
                story.Hold();
                break;
        }
    }
}
