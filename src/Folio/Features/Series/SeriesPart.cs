namespace Folio.Features.Series;

/// <summary>A part of a series as readers see it: numbered among the parts they can read.</summary>
public sealed record SeriesPart(int Number, int StoryId, string Title, string Subtitle, string Path, DateTime PublishedAt);
