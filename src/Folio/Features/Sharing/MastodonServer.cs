using System.Globalization;
using System.Text.RegularExpressions;

namespace Folio.Features.Sharing;

/// <summary>
/// The Mastodon server a reader shares to, typed by them: a DNS host name and nothing else (no scheme, path, user,
/// port or address), so Folio only ever redirects to https://{that host}/share.
/// </summary>
public static partial class MastodonServer
{
    public const int MaxLength = 253;
    public const string Example = "mastodon.social";

    /// <summary>The host name in lowercase ASCII (international names in their xn-- form), or why it is not one.</summary>
    public static (string? Host, string? Problem) Parse(string? typed)
    {
        var value = typed?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, $"Enter the name of your Mastodon server, like {Example}.");
        }

        if (value.Length > MaxLength)
        {
            return (null, $"A server's name is at most {MaxLength} characters. Enter just its name, like {Example}.");
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.IndexOfAny(['/', '@', ':', '?', '#', '\\', ' ']) >= 0)
        {
            return (null, $"Enter only the server's name, like {Example}: no https://, @ or path.");
        }

        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(value).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return (null, $"“{value}” is not a server's name. Enter one like {Example}.");
        }

        return ascii.Length <= MaxLength && HostName().IsMatch(ascii)
            ? (ascii, null)
            : (null, $"“{value}” is not a server's name. Enter one like {Example}.");
    }

    /// <summary>Where the reader's server composes a post with this text.</summary>
    public static string ShareUrl(string host, string text) => $"https://{host}/share?text={Uri.EscapeDataString(text)}";

    // Two or more labels of letters, digits and inner hyphens, the last one a name (letters, or an xn-- name): never an
    // IP address, never a single name such as localhost.
    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")]
    private static partial Regex HostName();
}
