using Folio.Shared.Web;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Sharing;

/// <summary>
/// /share/mastodon?url=…&amp;text=…&amp;instance=…: sends the reader to their own Mastodon server's share page,
/// https://{instance}/share?text=…, for a story of this site only. A server name that is not a plain host name gets the
/// form again (400) with what was typed and what to fix. A request that did not come from one of Folio's own pages
/// (Sec-Fetch-Site) is asked to confirm first, so a link elsewhere can't use Folio to bounce readers to any server.
/// </summary>
public sealed class MastodonShareModel(SiteUrls urls, PageHead head) : PageModel
{
    public const int MaxTextLength = 300;
    public const int MaxUrlLength = 2000;

    [FromQuery(Name = "url")]
    public string? StoryUrl { get; set; }

    [FromQuery(Name = "text")]
    public string? Text { get; set; }

    /// <summary>As typed, read from the query itself: model binding would turn a blank answer into no answer.</summary>
    public string? Instance { get; private set; }

    /// <summary>What to fix in the server's name; null when nothing was typed yet or it is fine.</summary>
    public string? Problem { get; private set; }

    /// <summary>The link itself is not one of this site's stories: there is nothing to share.</summary>
    public bool BrokenLink { get; private set; }

    /// <summary>Set when the reader is asked to confirm before leaving for their server.</summary>
    public string? Destination { get; private set; }

    public string? Host { get; private set; }

    public IActionResult OnGet()
    {
        head.Title = "Share on Mastodon";
        head.NoIndex = true;
        if (!IsLinkToThisSite(StoryUrl) || Text?.Length > MaxTextLength)
        {
            BrokenLink = true;
            return BadRequestPage();
        }

        if (!Request.Query.TryGetValue("instance", out var typed))
        {
            return Page();
        }

        Instance = typed.ToString();

        var (host, problem) = MastodonServer.Parse(Instance);
        if (host is null)
        {
            Problem = problem;
            return BadRequestPage();
        }

        var destination = MastodonServer.ShareUrl(host, string.IsNullOrWhiteSpace(Text) ? StoryUrl! : $"{Text.Trim()} {StoryUrl}");
        // The form itself asks to confirm: the site's CSP (form-action 'self') stops a form's redirect to another
        // server, so without JavaScript the reader follows a link instead; share.js opens this address directly.
        if (!FromThisSite() || Request.Query.ContainsKey("confirm"))
        {
            (Host, Destination) = (host, destination);
            return Page();
        }

        return Redirect(destination);
    }

    private bool IsLinkToThisSite(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength }
        && url.StartsWith(urls.Origin + "/", StringComparison.OrdinalIgnoreCase)
        && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
        && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);

    // Browsers say where a request came from; a client that says nothing (an old browser, a script) is not confirmed.
    private bool FromThisSite() =>
        Request.Headers["Sec-Fetch-Site"].ToString() is "" or "same-origin";

    private PageResult BadRequestPage()
    {
        return Page().WithStatus(StatusCodes.Status400BadRequest);
    }
}
