using Folio.Data;
using Folio.Shared.Images;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>
/// Deletes the pictures uploaded more than a week ago that no story uses: a hero kept for a form that came back with
/// errors and was never sent again (<see cref="KeptHeroes"/>, whose token lasts a day), a picture uploaded into
/// the editor and never saved with a story (<see cref="InlineImages"/>), one an edit took out of a story. "Used" is
/// <see cref="StoryImage"/>, one indexed look-up per batch of files; a file it doesn't name is looked for in the stories'
/// heroes and Markdown once more before it goes (a story saved before that record existed), and if found, recorded.
/// Runs every few hours on each server (files that are already gone are no harm), and by hand through
/// <see cref="SweepAsync"/>.
/// </summary>
public sealed class UploadSweep(IServiceScopeFactory scopes, DataDirectory dataDirectory, TimeProvider clock, ILogger<UploadSweep> logger) : BackgroundService
{
    /// <summary>
    /// How long an upload may wait for the story that will use it: a week, as a writer may leave the editor open with
    /// pictures in an unsaved story over a weekend, and the file must still be there when they save.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(3);
    private static readonly string[] Folders = ["heroes", "images"];
    private const int Batch = 500;

    /// <summary>Deletes what nobody uses; returns how many pictures (each with all its widths and formats) went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Grace;
        var deleted = 0;
        foreach (var batch in OldPictures(cutoff).Chunk(Batch))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            var variants = scope.ServiceProvider.GetRequiredService<ImageVariants>();
            var used = await db.StoryImages.Where(i => batch.Contains(i.Url)).Select(i => i.Url).Distinct().ToListAsync(cancellationToken);
            foreach (var url in batch.Except(used))
            {
                if (!await RecordIfUsedAsync(db, url, cancellationToken))
                {
                    variants.Delete(url);
                    deleted++;
                }
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} uploaded pictures no story uses", deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Unused uploads could not be swept; trying again later");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host.
        }
    }

    /// <summary>Each stored picture last written before the cutoff, by the URL of its largest JPEG (which names the others).</summary>
    private IEnumerable<string> OldPictures(DateTime cutoff)
    {
        foreach (var folder in Folders)
        {
            var directory = dataDirectory.File("media", folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.jpg"))
            {
                var url = $"/media/{folder}/{Path.GetFileName(file)}";
                if (ResponsiveImage.Parse(url) is { } image && image.Url == url && File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    yield return url;
                }
            }
        }
    }

    /// <summary>
    /// The safety net for stories saved before <see cref="StoryImage"/> was kept: a story or revision naming the picture
    /// gets its row, so the next sweep finds it at once. Runs only for files about to go, which are few.
    /// </summary>
    private static async Task<bool> RecordIfUsedAsync(FolioDb db, string url, CancellationToken cancellationToken)
    {
        var name = ResponsiveImage.Parse(url)!.BaseName;
        var stories = await db.Stories.Where(s => s.HeroImageUrl == url || s.BodyMarkdown.Contains(name)).Select(s => s.Id).ToListAsync(cancellationToken);
        var revisions = await db.StoryRevisions.Where(r => r.HeroImageUrl == url || r.BodyMarkdown.Contains(name)).Select(r => r.StoryId).ToListAsync(cancellationToken);
        if (stories.Count == 0 && revisions.Count == 0)
        {
            return false;
        }

        db.StoryImages.AddRange(stories.Select(id => new StoryImage { StoryId = id, Url = url }));
        db.StoryImages.AddRange(revisions.Select(id => new StoryImage { StoryId = id, Url = url, InRevision = true }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
