using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// Imports a folder of Markdown files, one story each, found in every subfolder. A file is known again by its
/// front matter's `id`, else by its path in the folder, so importing the folder again adds only new files.
/// Authors must already have accounts: a file whose author has none is skipped.
/// </summary>
public sealed class MarkdownImporter(FolioDb db, UserManager<FolioUser> users, StoryWorkflow workflow, TimeProvider clock)
{
    private static readonly EnumerationOptions Visible = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

    private readonly Dictionary<string, Community?> _communities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _authorIds = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ImportReport> ImportAsync(string folder, TransferProgress progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var files = Directory.EnumerateFiles(folder, "*.md", Visible)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        progress.Start(files.Count);
        var stories = new StoryImporter(db, workflow);
        await using var batch = new TransferBatch(db, ct => stories.SaveQueuedAsync(report, ct));
        foreach (var file in files)
        {
            await batch.NextAsync(cancellationToken);
            await ImportFileAsync(stories, Path.Combine(folder, file), file, report, cancellationToken);
            progress.Advance();
        }

        await batch.CommitAsync(cancellationToken);
        return report;
    }

    private async Task ImportFileAsync(StoryImporter stories, string path, string file, ImportReport report, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            report.Skip(file, $"it could not be read ({unreadable.Message})");
            return;
        }

        var (parsed, problem) = MarkdownStoryFile.Parse(text);
        if (parsed is null)
        {
            report.Skip(file, problem!);
            return;
        }

        var key = "markdown:" + (parsed.Id ?? file);
        if (await stories.IsImportedAsync(key, cancellationToken))
        {
            report.AlreadyImported();
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await CommunityAsync(parsed.Community, cancellationToken) is not { } community)
        {
            report.Skip(file, $"no community has the slug “{parsed.Community}” (create it with `community add`)");
        }
        else if (await AuthorIdAsync(parsed.Author) is not { } authorId)
        {
            report.Skip(file, $"no account has the username “{parsed.Author}” (create it with `user add`)");
        }
        else if (parsed.Published && parsed.Date > now)
        {
            report.Skip(file, $"its date {parsed.Date:yyyy-MM-dd HH:mm} is in the future and Folio does not schedule stories; make it `status: draft` or give a past date");
        }
        else
        {
            var story = new ImportedStory
            {
                Source = file,
                ImportKey = key,
                Title = parsed.Title,
                Subtitle = parsed.Subtitle,
                Community = community,
                Tags = parsed.Tags,
                Published = parsed.Published,
                PublishedAt = parsed.Published ? parsed.Date ?? now : null,
                CreatedAt = parsed.Date ?? now,
                UpdatedAt = parsed.Updated ?? parsed.Date ?? now,
                Slug = parsed.Slug,
                HeroImageUrl = parsed.Hero,
                BodyMarkdown = parsed.Body,
                Labels = parsed.Labels,
                Series = parsed.Series,
                SeriesPart = parsed.SeriesPart,
            };
            if (StoryImporter.Fit(story, TagPolicy.SkipStory, report))
            {
                stories.Queue(story, authorId);
            }
        }
    }

    private async Task<Community?> CommunityAsync(string slug, CancellationToken cancellationToken)
    {
        if (!_communities.TryGetValue(slug, out var community))
        {
            var normalized = slug.ToLowerInvariant();
            community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == normalized, cancellationToken);
            _communities[slug] = community;
        }

        return community;
    }

    private async Task<string?> AuthorIdAsync(string username)
    {
        if (!_authorIds.TryGetValue(username, out var id))
        {
            id = (await users.FindByNameAsync(username))?.Id;
            _authorIds[username] = id;
        }

        return id;
    }
}
