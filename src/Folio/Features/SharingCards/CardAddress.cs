namespace Folio.Features.SharingCards;

/// <summary>Reads a card's file name, {key}-{version}.png: the version is the sixteen hex digits after the last hyphen.</summary>
public static class CardAddress
{
    private const int VersionLength = 16;

    public static bool TryParse(string file, out string key, out string version)
    {
        (key, version) = ("", "");
        if (!file.EndsWith(".png", StringComparison.Ordinal))
        {
            return false;
        }

        var name = file[..^4];
        var hyphen = name.LastIndexOf('-');
        if (hyphen <= 0 || name.Length - hyphen - 1 != VersionLength)
        {
            return false;
        }

        (key, version) = (name[..hyphen], name[(hyphen + 1)..]);
        return version.All(char.IsAsciiHexDigitLower);
    }
}
