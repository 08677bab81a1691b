using System.ComponentModel.DataAnnotations;

namespace Folio.Features.SiteAdmin;

/// <summary>The new-invite form, as typed.</summary>
public sealed class SiteInviteInput
{
    public const int MaxDays = 90;
    public const int MaxNoteLength = 100;

    [Display(Name = "Expires after (days)")]
    public int? Days { get; set; } = 7;

    [Display(Name = "Note (who it is for)")]
    public string? Note { get; set; }

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Days is null or < 1 or > MaxDays)
        {
            yield return (nameof(Days), $"Choose between 1 and {MaxDays} days.");
        }

        if ((Note?.Trim().Length ?? 0) > MaxNoteLength)
        {
            yield return (nameof(Note), $"Keep the note to {MaxNoteLength} characters.");
        }
    }
}
