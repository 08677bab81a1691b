using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Comments;

public sealed class CommentOptions
{
    public const string Section = "Folio:Comments";

    /// <summary>The longest comment a reader may post; the column holds twice as much, for Markdown escapes added on import.</summary>
    public const int MaxLength = 5_000;

    /// <summary>Levels of a thread shown on one page; deeper replies continue on the thread page of the last level shown.</summary>
    public const int ThreadLevels = 3;

    [Range(1, 1_000)]
    public int PerMinute { get; set; } = 5;

    [Range(1, 10_000)]
    public int PerHour { get; set; } = 30;

    [Range(1, 24 * 60)]
    public int EditMinutes { get; set; } = 15;

    [Range(1, 200)]
    public int PageSize { get; set; } = 20;

    public TimeSpan EditWindow => TimeSpan.FromMinutes(EditMinutes);
}
