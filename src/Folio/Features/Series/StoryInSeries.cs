using Folio.Data;
using Folio.Features.Newsletters;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

public sealed record SeriesOption(int Id, string Title);

/// <summary>
/// The story editor's series field: the author's own series to choose from, and putting the story into the chosen one
/// as its next part, or taking it out, through <see cref="SeriesEditor"/> as /me/series/{id} does.
/// </summary>
public sealed class StoryInSeries(FolioDb db, SeriesEditor editor, StoryAnnouncements announcements)
{
    /// <summary>More than a creator keeps in hand; the story's own series is always among them.</summary>
    public const int MostOffered = 200;

    public const string NotYours = "Choose one of your own series, or none.";

    public async Task<List<SeriesOption>> OptionsAsync(string authorId, int? current, CancellationToken cancellationToken) =>
        [.. (await db.Series.AsNoTracking().Where(s => s.AuthorId == authorId)
                .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.UpdatedAt).Take(MostOffered)
                .Select(s => new SeriesOption(s.Id, s.Title)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Title, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>Why the story can't go into this series, or null when it can (or when it is none).</summary>
    public async Task<string?> ProblemAsync(int? seriesId, int? current, string authorId, CancellationToken cancellationToken)
    {
        if (seriesId is not { } id || id == current)
        {
            return null;
        }

        var series = await db.Series.Where(s => s.Id == id && s.AuthorId == authorId)
            .Select(s => new { Parts = db.Stories.Count(p => p.SeriesId == s.Id) }).FirstOrDefaultAsync(cancellationToken);
        return series is null ? NotYours : series.Parts >= SeriesRules.MaxParts ? SeriesRules.Full : null;
    }

    /// <summary>
    /// Puts the saved story where the author chose; says what changed, or null when nothing did. A story
    /// <paramref name="publishedNow"/>, in the same save, is announced again once it is a part, so its series'
    /// subscribers hear of it.
    /// </summary>
    public async Task<string?> ApplyAsync(int storyId, string authorId, int? chosen, bool publishedNow, CancellationToken cancellationToken)
    {
        var current = await db.Stories.Where(s => s.Id == storyId && s.AuthorId == authorId).Select(s => s.SeriesId).FirstOrDefaultAsync(cancellationToken);
        if (current == chosen)
        {
            return null;
        }

        if (chosen is not { } id)
        {
            var left = await editor.FindOwnAsync(current!.Value, authorId, cancellationToken);
            return left is not null && await editor.RemovePartAsync(left, storyId, cancellationToken) ? $"Taken out of the series “{left.Title}”." : null;
        }

        var series = await editor.FindOwnAsync(id, authorId, cancellationToken);
        if (series is null)
        {
            return NotYours;
        }

        var refusal = await editor.AddPartAsync(series, storyId, position: null, cancellationToken);
        if (refusal != PartRefusal.None)
        {
            return SeriesForm.Describe(refusal);
        }

        if (publishedNow)
        {
            announcements.AnnounceAgain(storyId);
            await db.SaveChangesAsync(cancellationToken);
        }

        var part = await db.Stories.Where(s => s.Id == storyId).Select(s => s.SeriesPosition).FirstAsync(cancellationToken);
        return $"It is part {part} of the series “{series.Title}”.";
    }
}
