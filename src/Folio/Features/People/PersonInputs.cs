using System.ComponentModel.DataAnnotations;
using Folio.Features.Settings;

namespace Folio.Features.People;

public sealed class SuspendInput
{
    /// <summary>"1", "7" or "30" days, or "date" for <see cref="Until"/>.</summary>
    [Display(Name = "For how long")]
    public string? Period { get; set; } = "7";

    [Display(Name = "Until")]
    [DataType(DataType.Date)]
    public DateOnly? Until { get; set; }

    [Display(Name = "Reason (the person sees it)")]
    public string? Reason { get; set; }

    public const string UntilDate = "date";

    /// <summary>The end of the suspension, or the message saying what to fix. A date means the start of that day, UTC.</summary>
    public (DateTime? Until, string? Problem) End(DateTime now) => Period switch
    {
        UntilDate when Until is { } date => (date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), null),
        UntilDate => (null, "Choose the date the suspension ends."),
        _ when int.TryParse(Period, out var days) && PeopleAdmin.OfferedDays.Contains(days) => (now.AddDays(days), null),
        _ => (null, "Choose 1, 7 or 30 days, or a date."),
    };
}

public sealed class BanInput
{
    [Display(Name = "Reason (the person sees it)")]
    public string? Reason { get; set; }
}

public sealed class RoleInput
{
    [Display(Name = "Role")]
    public string? Role { get; set; }
}

public sealed class DeletePersonInput
{
    [Display(Name = "Their stories")]
    public StoriesOnDeletion? Stories { get; set; }

    [Display(Name = "Type the username to confirm")]
    public string? Confirm { get; set; }
}
