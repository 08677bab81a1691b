using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Settings;

/// <summary>The one field of a new API token; checked by hand in the page so the trimmed name is what counts.</summary>
public sealed class TokenInput
{
    public const int MaxNameLength = 80;

    [Display(Name = "Token name")]
    public string? Name { get; set; }

    /// <summary>Why the name can't be used, or null when it can; <paramref name="takenNames"/> are the account's active tokens.</summary>
    public string? Problem(IEnumerable<string> takenNames)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return "Give the token a name, such as the app or script that will use it.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"Keep the name to {MaxNameLength} characters; this one has {name.Length}.";
        }

        if (name.Any(char.IsControl))
        {
            return "Use a name without line breaks or tabs.";
        }

        return takenNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"You already have a token called “{name}”. Choose a name that tells them apart."
            : null;
    }
}
