using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Communities;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// Imports a Ghost export's posts into one community, with their dates, tags and authors; the HTML becomes Markdown.
/// A post is known again by its Ghost uuid, so importing the same export twice adds nothing the second time.
/// </summary>
public sealed class GhostImporter(FolioDb db, AccountBatch accounts, StoryWorkflow workflow, TimeProvider clock)
{
    /// <summary>The report, or why the import could not start.</summary>
    public async Task<(ImportReport? Report, string? Problem)> ImportAsync(
        string path, string communitySlug, string? ghostUrl, TransferProgress progress, CancellationToken cancellationToken)
    {
        var slug = communitySlug.Trim().ToLowerInvariant();
        if (await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken) is not { } community)
        {
            return (null, $"No community has the slug “{communitySlug}”. Create it with `community add` first.");
        }

        var (export, problem) = await GhostExport.ReadAsync(path, cancellationToken);
        if (export is null)
        {
            return (null, problem);
        }

        var report = new ImportReport();
        var links = new GhostLinks(ghostUrl);
        await accounts.LoadAsync(cancellationToken);
        var authors = new GhostAuthors(db, accounts, links, clock);
        var stories = new StoryImporter(db, workflow);
        progress.Start(export.PostCount);
        await using var batch = new TransferBatch(db, ct => stories.SaveQueuedAsync(report, ct));
        await foreach (var post in export.PostsAsync(cancellationToken))
        {
            await batch.NextAsync(cancellationToken);
            await ImportPostAsync(post, export, community, links, authors, stories, report, cancellationToken);
            progress.Advance();
        }

        await batch.CommitAsync(cancellationToken);

        if (links.Placeholders && ghostUrl is null)
        {
            report.Note("all posts", $"links and images on the Ghost site ({GhostLinks.Placeholder}/content/…) now point at /content/… on this site: copy the files there, or give --ghost-url https://your-old-blog when you import");
        }

        return (report, null);
    }

    private async Task ImportPostAsync(GhostPost post, GhostExport export, Community community, GhostLinks links, GhostAuthors authors,
        StoryImporter stories, ImportReport report, CancellationToken cancellationToken)
    {
        var source = $"post “{post.Title}” ({post.Slug ?? post.Id})";
        if ((post.Uuid ?? post.Id) is not { Length: > 0 } id)
        {
            report.Skip(source, "it has neither a uuid nor an id in the export");
            return;
        }

        if (post.Type == "page")
        {
            report.Skip(source, "it is a Ghost page, not a post; Folio imports posts only");
            return;
        }

        var key = "ghost:" + id;
        if (await stories.IsImportedAsync(key, cancellationToken))
        {
            report.AlreadyImported();
            return;
        }

        if (string.IsNullOrWhiteSpace(post.Html) && (post.Lexical || post.Mobiledoc))
        {
            report.Skip(source, "the export has its text only in Ghost's editor format, without HTML; export it again from Ghost's admin (Settings → Labs → Export)");
            return;
        }

        if (post.Status is not ("published" or "draft" or "scheduled" or "sent"))
        {
            report.Skip(source, $"its status “{post.Status}” is not one Ghost writes (published, draft, scheduled or sent)");
            return;
        }

        var createdAt = GhostDates.Parse(post.CreatedAt) ?? clock.GetUtcNow().UtcDateTime;
        var publishedAt = GhostDates.Parse(post.PublishedAt) ?? createdAt;
        var story = new ImportedStory
        {
            Source = source,
            ImportKey = key,
            Title = post.Title?.Trim() ?? "",
            Subtitle = post.CustomExcerpt?.Trim() ?? "",
            Community = community,
            Tags = [.. export.TagsOf(post)],
            PublishedAt = publishedAt,
            CreatedAt = createdAt,
            UpdatedAt = GhostDates.Parse(post.UpdatedAt) ?? publishedAt,
            Slug = string.IsNullOrWhiteSpace(post.Slug) ? null : post.Slug,
            HeroImageUrl = links.Resolve(post.FeatureImage),
            BodyMarkdown = HtmlToMarkdown.Convert(links.InText(post.Html ?? "")),
        };
        if (!StoryImporter.Fit(story, TagPolicy.KeepWhatFits, report))
        {
            return;
        }

        var credited = export.AuthorsOf(post);
        if (credited.Count == 0)
        {
            report.Skip(source, "it has no author in the export");
            return;
        }

        var (authorId, problem) = await authors.AccountForAsync(credited[0], report, cancellationToken);
        if (authorId is null)
        {
            report.Skip(source, problem!);
            return;
        }

        if (credited.Count > 1)
        {
            report.Note(source, $"a Folio story has one author: credited {credited[0].Name}, not {string.Join(", ", credited.Skip(1).Select(a => a.Name))}");
        }

        story.Published = IsPublished(post, source, report);
        stories.Queue(story, authorId);
    }

    /// <summary>Only what Ghost showed everyone is published here; the rest arrives as a draft for its author to decide.</summary>
    private static bool IsPublished(GhostPost post, string source, ImportReport report)
    {
        switch (post.Status)
        {
            case "scheduled":
                report.Note(source, "it was scheduled in Ghost and Folio does not schedule stories: imported as a draft");
                return false;
            case "sent":
                report.Note(source, "it was sent by email only: imported as a draft");
                return false;
            case "published" when post.Visibility is not (null or "public"):
                report.Note(source, $"it was for {post.Visibility} readers only in Ghost and every Folio story is public: imported as a draft");
                return false;
            default:
                return post.Status == "published";
        }
    }
}
