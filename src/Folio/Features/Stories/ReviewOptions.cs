using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Stories;

/// <summary>Folio:Review: how much of an edit to a published story is small enough to skip review.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Folio:Review";

    /// <summary>
    /// An edit by a creator whose stories are reviewed that inserts and deletes fewer characters than this (title,
    /// subtitle, body and tags together, and no new hero image) goes live at once. 0: every edit is reviewed.
    /// </summary>
    [Range(0, 100_000)]
    public int MinorEditCharacters { get; set; }
}
