namespace Folio.Features.Sharing;

/// <summary>
/// Where the Share block of a story sends a reader: each network's own share page, reached by a plain link, so no
/// third-party script, pixel or frame is ever on Folio's pages. Mastodon has no one address: it goes through
/// <see cref="MastodonShareModel"/>, which asks the reader's server.
/// </summary>
public sealed record ShareLinks(string Url, string Title)
{
    /// <summary>What a post says: the title, then the address.</summary>
    public string Text => $"{Title} {Url}";

    public string Bluesky => $"https://bsky.app/intent/compose?text={Encode(Text)}";

    public string LinkedIn => $"https://www.linkedin.com/sharing/share-offsite/?url={Encode(Url)}";

    public string Facebook => $"https://www.facebook.com/sharer/sharer.php?u={Encode(Url)}";

    public string X => $"https://x.com/intent/post?url={Encode(Url)}&text={Encode(Title)}";

    public string Email => $"mailto:?subject={Encode(Title)}&body={Encode(Text)}";

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
