using System.Text.RegularExpressions;

namespace Folio.Features.Accounts;

public static partial class UsernameRules
{
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    public const int MinLength = 3;
    public const int MaxLength = 30;
    public const string Requirement = "3–30 letters, digits, hyphens or underscores, starting with a letter.";

    /// <summary>Names that would shadow a page of the site at /authors/… or read as official.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "administrator", "moderator", "moderators", "folio", "support", "staff", "system", "root", "me", "api", "anonymous",
    };

    public static bool IsValid(string? username) => username is not null && Pattern().IsMatch(username) && !Reserved.Contains(username);

    public static bool IsReserved(string username) => Reserved.Contains(username);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{2,29}$")]
    private static partial Regex Pattern();
}
