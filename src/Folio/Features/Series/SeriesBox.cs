namespace Folio.Features.Series;

/// <summary>What a part's page shows of its series: "Part 3 of 7 in …", the parts beside it and the contents.</summary>
public sealed record SeriesBox(int SeriesId, string Title, string Path, IReadOnlyList<SeriesPart> Parts, int StoryId)
{
    public SeriesPart? Current => Parts.FirstOrDefault(p => p.StoryId == StoryId);

    public SeriesPart? Previous => Current is { Number: > 1 } current ? Parts[current.Number - 2] : null;

    public SeriesPart? Next => Current is { } current && current.Number < Parts.Count ? Parts[current.Number] : null;
}
