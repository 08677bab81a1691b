using System.Text;
using Folio.Features.Mail;
using static Folio.Features.Newsletters.EmailLayout;

namespace Folio.Features.Newsletters;

/// <summary>
/// A reader's daily or weekly digest: "Your daily digest: 3 new stories from Ana, Earth and 1 more", each new story from
/// what they follow (title, subtitle, creator and community, linked), how many more wait on their Following page, then
/// the site's Top stories of the period, and a link that turns these digests off. In <see cref="EmailLayout"/>, with a
/// text part that says the same; links go straight to the site.
/// </summary>
public static class DigestEmail
{
    public static EmailContent Compose(Delivery period, DigestContents digest, string siteName, string siteOrigin)
    {
        var name = period == Delivery.Weekly ? "weekly" : "daily";
        var count = digest.Followed.Count + digest.MoreFollowed;
        var stories = count == 1 ? "1 new story" : $"{count} new stories";
        var content = new EmailContent { Subject = $"Your {name} digest: {stories} from {Sources(digest.Sources)}", Text = "" };
        var words = new Words(
            $"Your {name} digest",
            $"{stories} from the creators and communities you follow.",
            period == Delivery.Weekly ? "Top stories this week" : "Top stories today",
            $"You chose a {name} digest of new stories from what you follow on {siteName}.",
            $"Unsubscribe from {name} digests");
        var links = new Links(siteOrigin, $"{siteOrigin}/following", $"{siteOrigin}/settings/email", content.RecipientMarker);
        content.Text = Text(digest, words, links, siteName);
        content.Html = Html(digest, words, links, siteName, content.Subject);
        return content;
    }

    private sealed record Words(string Title, string Lead, string TopHeading, string Why, string Stop);

    private sealed record Links(string Origin, string Following, string Settings, string Unsubscribe);

    /// <summary>"Ana", "Ana and Earth", "Ana, Earth and 1 more": the follows that brought the stories, the newest first.</summary>
    private static string Sources(IReadOnlyList<string> names) =>
        names.Count switch
        {
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            _ => $"{names[0]}, {names[1]} and {names.Count - 2} more",
        };

    private static string Text(DigestContents digest, Words words, Links links, string siteName)
    {
        var text = new StringBuilder().AppendLine(words.Title).AppendLine(words.Lead).AppendLine();
        foreach (var entry in digest.Followed)
        {
            AppendText(text, entry, links.Origin);
        }

        if (digest.MoreFollowed > 0)
        {
            text.AppendLine($"And {digest.MoreFollowed} more on your Following page: {links.Following}").AppendLine();
        }

        if (digest.TopStories.Count > 0)
        {
            text.AppendLine(words.TopHeading).AppendLine();
            foreach (var entry in digest.TopStories)
            {
                AppendText(text, entry, links.Origin);
            }
        }

        return text.Append($"""
            --
            {words.Why}
            {words.Stop}: {links.Unsubscribe}
            Your email choices: {links.Settings}
            {siteName}
            """).ToString();
    }

    private static void AppendText(StringBuilder text, DigestEntry entry, string origin)
    {
        text.AppendLine(entry.Title);
        if (!string.IsNullOrWhiteSpace(entry.Subtitle))
        {
            text.AppendLine(entry.Subtitle);
        }

        text.AppendLine($"By {entry.AuthorName} in {entry.CommunityName}").AppendLine(origin + entry.Path).AppendLine();
    }

    private static string Html(DigestContents digest, Words words, Links links, string siteName, string subject)
    {
        var rows = new StringBuilder($"""
            <tr><td class="folio-text folio-title" style="padding:0 0 8px;font-family:{Fonts};font-size:30px;line-height:1.2;font-weight:bold;color:#1d1b18;">{E(words.Title)}</td></tr>
            <tr><td class="folio-muted" style="padding:0 0 8px;font-family:{Fonts};font-size:17px;line-height:1.4;color:#5c5750;">{E(words.Lead)}</td></tr>
            """);
        foreach (var entry in digest.Followed)
        {
            rows.Append(EntryHtml(entry, links.Origin));
        }

        if (digest.MoreFollowed > 0)
        {
            rows.Append($"""
                <tr><td class="folio-muted" style="padding:20px 0 0;font-family:{Fonts};font-size:15px;color:#5c5750;">And {digest.MoreFollowed} more on <a class="folio-link" href="{E(links.Following)}" style="color:#2f6b45;">your Following page</a>.</td></tr>
                """);
        }

        if (digest.TopStories.Count > 0)
        {
            rows.Append($"""
                <tr><td class="folio-text" style="padding:32px 0 0;font-family:{Fonts};font-size:20px;font-weight:bold;color:#1d1b18;">{E(words.TopHeading)}</td></tr>
                """);
            foreach (var entry in digest.TopStories)
            {
                rows.Append(EntryHtml(entry, links.Origin));
            }
        }

        var footer = $"""
            <p style="margin:0 0 8px;">{E(words.Why)}</p>
            <p style="margin:0;"><a class="folio-link" href="{E(links.Unsubscribe)}" style="color:#2f6b45;">{E(words.Stop)}</a> · <a class="folio-link" href="{E(links.Settings)}" style="color:#2f6b45;">Your email choices</a></p>
            """;
        return EmailLayout.Html(subject, words.Lead, siteName, rows.ToString(), footer);
    }

    private static string EntryHtml(DigestEntry entry, string origin)
    {
        var subtitle = string.IsNullOrWhiteSpace(entry.Subtitle) ? "" : $"""
            <div class="folio-muted" style="padding:4px 0 0;font-size:16px;line-height:1.4;color:#5c5750;">{E(entry.Subtitle)}</div>
            """;
        return $"""
            <tr><td class="folio-rule" style="padding:20px 0 0;border-bottom:1px solid #e6e2db;"></td></tr>
            <tr><td style="padding:20px 0 0;font-family:{Fonts};">
            <a class="folio-text" href="{E(origin + entry.Path)}" style="font-size:20px;line-height:1.3;font-weight:bold;color:#1d1b18;text-decoration:none;">{E(entry.Title)}</a>
            {subtitle}
            <div class="folio-muted" style="padding:6px 0 0;font-size:14px;color:#5c5750;">By <a class="folio-link" href="{E($"{origin}/authors/{entry.AuthorUsername}")}" style="color:#2f6b45;">{E(entry.AuthorName)}</a> in <a class="folio-link" href="{E($"{origin}/{entry.CommunitySlug}")}" style="color:#2f6b45;">{E(entry.CommunityName)}</a></div>
            </td></tr>
            """;
    }
}
