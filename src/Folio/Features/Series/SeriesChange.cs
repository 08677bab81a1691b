namespace Folio.Features.Series;

/// <summary>What a creator asks a series to say, from the page or the API; the slug is made from the title when left blank.</summary>
public sealed record SeriesChange(string? Title, string? Slug, string? Description, string? CoverAltText);
