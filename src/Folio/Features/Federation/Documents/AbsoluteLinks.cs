using System.Text.RegularExpressions;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// Stored HTML links to Folio's own pages and pictures by path (/media/…); on another server a path means that server,
/// so federated HTML has them made absolute. The HTML is the sanitiser's, which always quotes attributes with ".
/// </summary>
public static partial class AbsoluteLinks
{
    public static string In(string html, string origin) => Attribute().Replace(html, match =>
    {
        var value = match.Groups["value"].Value;
        var absolute = match.Groups["name"].Value.Equals("srcset", StringComparison.OrdinalIgnoreCase)
            ? string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries).Select(candidate => Absolute(candidate, origin)))
            : Absolute(value, origin);
        return $"{match.Groups["name"].Value}=\"{absolute}\"";
    });

    private static string Absolute(string url, string origin) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? origin + url : url;

    [GeneratedRegex(@"(?<=\s)(?<name>href|src|srcset)=""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
