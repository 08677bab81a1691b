using Folio.Data;
using Folio.Shared.Images;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

public enum PartRefusal
{
    None,
    NoSuchStory,
    NotYourStory,
    Full,
}

/// <summary>
/// Every change to a series and its parts, from the creator's pages, the API and imports. The caller finds the series
/// with <see cref="FindOwnAsync"/>, so nobody changes another creator's series; a part must be its creator's own story.
/// Each change moves the series' <see cref="StorySeries.UpdatedAt"/>, which evicts the cached pages that show it.
/// </summary>
public sealed class SeriesEditor(FolioDb db, ImageVariants images, TimeProvider clock)
{
    public const string CoverFolder = "covers";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<StorySeries?> FindOwnAsync(int id, string userId, CancellationToken cancellationToken) =>
        db.Series.FirstOrDefaultAsync(s => s.Id == id && s.AuthorId == userId, cancellationToken);

    /// <summary>Creates (a new, unsaved series) or updates; returns what to fix by field, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(StorySeries series, SeriesChange change, IFormFile? cover, CancellationToken cancellationToken)
    {
        var title = change.Title?.Trim() ?? "";
        var problems = SeriesRules.Problems(title, change.Description, change.CoverAltText, cover is { Length: > 0 } || series.CoverImageUrl is not null);
        var slug = SeriesRules.SlugFor(change.Slug, title);
        if (!problems.ContainsKey("Title") && await db.Series.AnyAsync(s => s.AuthorId == series.AuthorId && s.Slug == slug && s.Id != series.Id, cancellationToken))
        {
            problems["Slug"] = SeriesRules.SlugTaken;
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (cover is { Length: > 0 })
        {
            var (url, error) = await images.SaveAsync(cover, CoverFolder, cancellationToken);
            if (error is not null)
            {
                return new() { ["Cover"] = error };
            }

            DeleteCover(series.CoverImageUrl);
            series.CoverImageUrl = url;
        }

        (series.Title, series.Slug, series.Description, series.CoverAltText) = (title, slug, change.Description?.Trim() ?? "", NullIfBlank(change.CoverAltText));
        series.UpdatedAt = Now;
        if (series.Id == 0)
        {
            series.CreatedAt = Now;
            db.Series.Add(series);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same slug was taken at the same moment, by a second tab.
            db.ChangeTracker.Clear();
            return new() { ["Slug"] = SeriesRules.SlugTaken };
        }

        return [];
    }

    /// <summary>A part for the creator's own eyes: every status, in order.</summary>
    public Task<List<OwnPart>> PartsAsync(int seriesId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking().Where(s => s.SeriesId == seriesId).OrderBy(s => s.SeriesPosition).ThenBy(s => s.Id)
            .Select(s => new OwnPart(s.Id, s.Title, s.Status)).ToListAsync(cancellationToken);

    /// <summary>Adds the creator's story as the last part, taking it out of any other series; at <paramref name="position"/> (1-based) when given.</summary>
    public async Task<PartRefusal> AddPartAsync(StorySeries series, int storyId, int? position, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Where(s => s.Id == storyId).Select(s => new { s.AuthorId, s.SeriesId }).FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return PartRefusal.NoSuchStory;
        }

        if (story.AuthorId != series.AuthorId)
        {
            return PartRefusal.NotYourStory;
        }

        var parts = (await PartsAsync(series.Id, cancellationToken)).Select(p => p.StoryId).ToList();
        if (story.SeriesId == series.Id)
        {
            parts.Remove(storyId);
        }
        else if (parts.Count >= SeriesRules.MaxParts)
        {
            return PartRefusal.Full;
        }
        else if (story.SeriesId is { } other)
        {
            await LeaveAsync(other, storyId, cancellationToken);
        }

        parts.Insert(Math.Clamp((position ?? parts.Count + 1) - 1, 0, parts.Count), storyId);
        await db.Stories.Where(s => s.Id == storyId).ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, series.Id), cancellationToken);
        await NumberAsync(series, parts, cancellationToken);
        return PartRefusal.None;
    }

    /// <summary>Takes the story out of the series; the story stays as it is. False when it is no part of it.</summary>
    public async Task<bool> RemovePartAsync(StorySeries series, int storyId, CancellationToken cancellationToken)
    {
        var parts = (await PartsAsync(series.Id, cancellationToken)).Select(p => p.StoryId).ToList();
        if (!parts.Remove(storyId))
        {
            return false;
        }

        await db.Stories.Where(s => s.Id == storyId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, (int?)null).SetProperty(s => s.SeriesPosition, (int?)null), cancellationToken);
        await NumberAsync(series, parts, cancellationToken);
        return true;
    }

    /// <summary>Moves a part one place earlier (-1) or later (+1); false when it is no part of the series.</summary>
    public async Task<bool> MovePartAsync(StorySeries series, int storyId, int by, CancellationToken cancellationToken)
    {
        var parts = (await PartsAsync(series.Id, cancellationToken)).Select(p => p.StoryId).ToList();
        var at = parts.IndexOf(storyId);
        if (at < 0)
        {
            return false;
        }

        var to = Math.Clamp(at + by, 0, parts.Count - 1);
        (parts[at], parts[to]) = (parts[to], parts[at]);
        await NumberAsync(series, parts, cancellationToken);
        return true;
    }

    /// <summary>Deletes the series; its stories stay, in no series.</summary>
    public async Task DeleteAsync(StorySeries series, CancellationToken cancellationToken)
    {
        await db.Stories.Where(s => s.SeriesId == series.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, (int?)null).SetProperty(s => s.SeriesPosition, (int?)null), cancellationToken);
        db.Series.Remove(series);
        await db.SaveChangesAsync(cancellationToken);
        DeleteCover(series.CoverImageUrl);
    }

    private async Task LeaveAsync(int seriesId, int storyId, CancellationToken cancellationToken)
    {
        if (await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken) is { } other)
        {
            await RemovePartAsync(other, storyId, cancellationToken);
        }
    }

    /// <summary>Numbers the parts 1, 2, 3… in this order, writing only the places that changed.</summary>
    private async Task NumberAsync(StorySeries series, List<int> order, CancellationToken cancellationToken)
    {
        var current = await db.Stories.Where(s => s.SeriesId == series.Id).Select(s => new { s.Id, s.SeriesPosition })
            .ToDictionaryAsync(s => s.Id, s => s.SeriesPosition, cancellationToken);
        for (var i = 0; i < order.Count; i++)
        {
            var (id, position) = (order[i], i + 1);
            if (current.GetValueOrDefault(id) != position)
            {
                await db.Stories.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesPosition, position), cancellationToken);
            }
        }

        series.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void DeleteCover(string? url)
    {
        if (ResponsiveImage.Parse(url) is { Folder: CoverFolder })
        {
            images.Delete(url);
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
