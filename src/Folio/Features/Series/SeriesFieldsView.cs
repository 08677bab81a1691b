namespace Folio.Features.Series;

/// <summary>What the series form's fields show: what was typed, and whose address the slug ends.</summary>
public sealed record SeriesFieldsView(SeriesInput Input, string UserName, bool HasCover);
