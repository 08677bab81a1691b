namespace Folio.Features.Newsletters;

/// <summary>The words the email settings page shows and reads for each <see cref="Delivery"/>.</summary>
public static class DeliveryChoices
{
    /// <summary>A follow's choice to do as the reader's own default says.</summary>
    public const string Default = "Default";

    public static readonly IReadOnlyList<(Delivery Value, string Label)> All =
    [
        (Delivery.Immediately, "Each new story, as soon as it is published"),
        (Delivery.Daily, "A daily digest"),
        (Delivery.Weekly, "A weekly digest"),
        (Delivery.Never, "No emails about new stories"),
    ];

    public static string ShortLabel(Delivery delivery) => delivery switch
    {
        Delivery.Immediately => "Immediately",
        Delivery.Daily => "Daily digest",
        Delivery.Weekly => "Weekly digest",
        _ => "Never",
    };

    /// <summary>Reads a posted choice by its name; null for anything else (a number too, which Enum.TryParse would take).</summary>
    public static Delivery? Read(string? value) =>
        All.Select(c => (Delivery?)c.Value).FirstOrDefault(d => string.Equals(d.ToString(), value, StringComparison.Ordinal));
}
