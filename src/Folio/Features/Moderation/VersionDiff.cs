using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Features.Tags;

namespace Folio.Features.Moderation;

public enum DiffLineKind
{
    Unchanged,
    Removed,
    Added,

    /// <summary>Unchanged lines left out between changes; the line's text says how many.</summary>
    Skipped,
}

/// <summary>A run of text in a diff line; <see cref="Changed"/> marks the words that were removed or added.</summary>
public sealed record DiffSpan(string Text, bool Changed);

public sealed record DiffLine(DiffLineKind Kind, IReadOnlyList<DiffSpan> Spans);

/// <summary>
/// What changed from one version of a story to the next, for a moderator to read: title and subtitle, the body line by
/// line with the changed words marked (unchanged stretches folded), tags added and removed, and the hero image.
/// </summary>
public sealed record VersionDiff(
    IReadOnlyList<DiffLine>? Title,
    IReadOnlyList<DiffLine>? Subtitle,
    IReadOnlyList<DiffLine>? Body,
    IReadOnlyList<string> TagsAdded,
    IReadOnlyList<string> TagsRemoved,
    (string? Before, string? After)? HeroImage)
{
    /// <summary>The labels before and after, when both versions kept them and they differ.</summary>
    public (StoryLabelSet Before, StoryLabelSet After)? Labels { get; init; }

    private const int Context = 1;

    public bool IsEmpty => Title is null && Subtitle is null && Body is null && TagsAdded.Count == 0 && TagsRemoved.Count == 0 && HeroImage is null
        && Labels is null;

    public static VersionDiff Between(StoryVersion before, StoryVersion after)
    {
        var beforeTags = before.Tags.DistinctBy(TagSlug.From).ToDictionary(TagSlug.From);
        var afterTags = after.Tags.DistinctBy(TagSlug.From).ToDictionary(TagSlug.From);
        return new VersionDiff(
            Lines(before.Title, after.Title),
            Lines(before.Subtitle, after.Subtitle),
            Lines(before.BodyMarkdown, after.BodyMarkdown),
            [.. afterTags.Where(t => !beforeTags.ContainsKey(t.Key)).Select(t => t.Value)],
            [.. beforeTags.Where(t => !afterTags.ContainsKey(t.Key)).Select(t => t.Value)],
            before.HeroImageUrl == after.HeroImageUrl ? null : (before.HeroImageUrl, after.HeroImageUrl))
        {
            Labels = before.Labels is { } was && after.Labels is { } now && was != now ? (was, now) : null,
        };
    }

    /// <summary>Null when the texts are the same.</summary>
    private static IReadOnlyList<DiffLine>? Lines(string before, string after)
    {
        if (before == after)
        {
            return null;
        }

        var model = SideBySideDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var lines = new List<DiffLine>();
        for (var i = 0; i < model.OldText.Lines.Count; i++)
        {
            var (old, @new) = (model.OldText.Lines[i], model.NewText.Lines[i]);
            if (old.Type == ChangeType.Unchanged)
            {
                lines.Add(new DiffLine(DiffLineKind.Unchanged, [new DiffSpan(old.Text ?? "", false)]));
                continue;
            }

            // A modified line whose old side only lost nothing (or new side gained nothing) shows just the other side.
            var removed = Spans(old, ChangeType.Deleted);
            if (old.Type == ChangeType.Deleted || (old.Type == ChangeType.Modified && removed.Any(s => s.Changed)))
            {
                lines.Add(new DiffLine(DiffLineKind.Removed, removed));
            }

            var added = Spans(@new, ChangeType.Inserted);
            if (@new.Type == ChangeType.Inserted || (@new.Type == ChangeType.Modified && added.Any(s => s.Changed)))
            {
                lines.Add(new DiffLine(DiffLineKind.Added, added));
            }
        }

        return Fold(lines);
    }

    /// <summary>A modified line marks its changed words; a line removed or added whole is marked whole.</summary>
    private static List<DiffSpan> Spans(DiffPiece line, ChangeType changed) =>
        line.Type == ChangeType.Modified && line.SubPieces.Count > 0
            ? Coalesce([.. line.SubPieces.Where(p => p.Type != ChangeType.Imaginary).Select(p => new DiffSpan(p.Text ?? "", p.Type == changed || p.Type == ChangeType.Modified))])
            : [new DiffSpan(line.Text ?? "", true)];

    /// <summary>Joins neighbouring words of the same kind, and the spaces between changed words, so "(BUY CHEAP WATCHES)" reads as one change.</summary>
    private static List<DiffSpan> Coalesce(List<DiffSpan> pieces)
    {
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            if (!pieces[i].Changed && string.IsNullOrWhiteSpace(pieces[i].Text) && pieces[i - 1].Changed && pieces[i + 1].Changed)
            {
                pieces[i] = pieces[i] with { Changed = true };
            }
        }

        var joined = new List<DiffSpan>();
        foreach (var piece in pieces)
        {
            if (joined.Count > 0 && joined[^1].Changed == piece.Changed)
            {
                joined[^1] = joined[^1] with { Text = joined[^1].Text + piece.Text };
            }
            else
            {
                joined.Add(piece);
            }
        }

        return joined;
    }

    /// <summary>Keeps <see cref="Context"/> unchanged lines around each change and folds the rest.</summary>
    private static List<DiffLine> Fold(List<DiffLine> lines)
    {
        var changed = lines.Select((line, index) => (line, index)).Where(l => l.line.Kind != DiffLineKind.Unchanged).Select(l => l.index).ToList();
        var folded = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffLineKind.Unchanged || changed.Any(c => Math.Abs(c - i) <= Context))
            {
                Flush();
                folded.Add(lines[i]);
            }
            else
            {
                skipped++;
            }
        }

        Flush();
        return folded;

        void Flush()
        {
            if (skipped > 0)
            {
                folded.Add(new DiffLine(DiffLineKind.Skipped, [new DiffSpan(skipped == 1 ? "1 unchanged line" : $"{skipped} unchanged lines", false)]));
                skipped = 0;
            }
        }
    }
}
