namespace Folio.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Folio:Search";

    /// <summary>
    /// How many matches a search counts and ranks, newest first; past it the page says "more than" and the best of
    /// these are shown. A word found in every story then costs what a rare one costs.
    /// </summary>
    public int MostCounted { get; set; } = 200;

    /// <summary>Stories indexed per transaction when the index is rebuilt or completed.</summary>
    public int RebuildBatch { get; set; } = 500;
}
