using Folio.Data;
using Folio.Shared.Images;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>
/// The files of the pictures deleted stories used (heroes, with every width and format, and the pictures in their
/// Markdown), deleted once the stories are gone unless another story still uses them (<see cref="StoryImage"/>).
/// </summary>
public sealed class StoryImageFiles(FolioDb db, ImageVariants variants, HeroImages heroes)
{
    /// <summary>How many URLs one look-up names, so that deleting an account with thousands of stories stays within a query's limits.</summary>
    private const int Batch = 500;

    /// <summary>The stored pictures these stories (and their waiting revisions) use: asked before they are deleted.</summary>
    public async Task<List<string>> UsedByAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        foreach (var ids in storyIds.Chunk(Batch))
        {
            urls.AddRange(await db.StoryImages.Where(i => ids.Contains(i.StoryId)).Select(i => i.Url).Distinct().ToListAsync(cancellationToken));
        }

        return urls;
    }

    /// <summary>
    /// After the stories that used them are deleted: deletes each picture no story uses any more. A hero stored before
    /// pictures had widths (one JPEG, not in <see cref="StoryImage"/>) goes as it always did.
    /// </summary>
    public async Task DeleteUnusedAsync(IEnumerable<string?> urls, CancellationToken cancellationToken)
    {
        foreach (var batch in urls.OfType<string>().Distinct().Chunk(Batch))
        {
            var stored = batch.Where(url => ResponsiveImage.Parse(url) is not null).ToList();
            var used = await db.StoryImages.Where(i => stored.Contains(i.Url)).Select(i => i.Url).Distinct().ToListAsync(cancellationToken);
            foreach (var url in stored.Except(used))
            {
                variants.Delete(url);
            }

            foreach (var url in batch.Except(stored))
            {
                heroes.DeleteIfUploaded(url);
            }
        }
    }
}
