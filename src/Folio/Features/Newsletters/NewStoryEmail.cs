using Folio.Features.Mail;
using Folio.Features.SharingCards;
using Folio.Shared.Images;
using static Folio.Features.Newsletters.EmailLayout;

namespace Folio.Features.Newsletters;

/// <summary>
/// The email that announces a new story: its subject is the story's title; the body shows the site, the hero, title,
/// subtitle, creator and community (linked), the story's opening (or all of it, when the creator chose so), a button
/// to the story, and why the reader gets it with a link that unsubscribes. Links go straight to the site: no tracking
/// pixel and no click redirect. The HTML sits in the shared <see cref="EmailLayout"/>; the text part says the same.
/// </summary>
public static class NewStoryEmail
{
    private const int HeroWidth = 800;

    public static EmailContent Compose(AnnouncedStory story, NewStoryReason reason, string siteName, string siteOrigin)
    {
        var content = new EmailContent { Subject = story.Title, Text = "" };
        var body = EmailBody.From(story.BodyHtml, siteOrigin, story.WholeStory);
        var links = new Links(siteOrigin + story.Path, $"{siteOrigin}/authors/{story.AuthorUsername}", $"{siteOrigin}/{story.CommunitySlug}", $"{siteOrigin}/settings/email");
        var (why, stop) = reason == NewStoryReason.FollowsCreator
            ? ($"You follow {story.AuthorName} on {siteName}, so their new stories come to you by email.", $"Unsubscribe from {story.AuthorName}’s stories")
            : ($"You follow {story.CommunityName} on {siteName}, so its new stories come to you by email.", $"Unsubscribe from {story.CommunityName}");
        var button = body.IsCut ? "Continue reading" : $"Read it on {siteName}";
        content.Text = Text(story, body, links, siteName, why, stop, button, content.RecipientMarker);
        content.Html = Html(story, body, links, siteName, why, stop, button, content.RecipientMarker, HeroUrl(story.HeroImageUrl, siteOrigin));
        return content;
    }

    private sealed record Links(string Story, string Creator, string Community, string Settings);

    /// <summary>
    /// The stored 800 px rendition of an uploaded hero; another raster picture as it is; none for an SVG, which most
    /// email clients (Gmail, Outlook) do not show.
    /// </summary>
    private static string? HeroUrl(string? url, string siteOrigin)
    {
        var path = ResponsiveImage.Parse(url) is { } image ? $"/media/{image.Folder}/{image.FileName(Math.Min(HeroWidth, image.Width), "jpg")}"
            : SharingImage.IsRaster(url) ? url!
            : null;
        if (path is null)
        {
            return null;
        }

        return path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? siteOrigin + path : path;
    }

    private static string Text(AnnouncedStory story, EmailBody body, Links links, string siteName, string why, string stop, string button, string marker) =>
        $"""
        {story.Title}
        {story.Subtitle}

        By {story.AuthorName} in {story.CommunityName}

        {body.Text}

        {button}: {links.Story}

        --
        {why}
        {stop}: {marker}
        Your email choices: {links.Settings}
        {siteName}
        """;

    private static string Html(AnnouncedStory story, EmailBody body, Links links, string siteName, string why, string stop, string button, string marker, string? hero)
    {
        var heroHtml = hero is null ? "" : $"""
            <tr><td style="padding:0 0 24px;"><a href="{E(links.Story)}"><img src="{E(hero)}" alt="{E(story.HeroAltText)}" width="{EmailBody.ColumnWidth}" style="display:block;width:100%;max-width:{EmailBody.ColumnWidth}px;height:auto;border:0;border-radius:6px;"></a></td></tr>
            """;
        var subtitle = string.IsNullOrWhiteSpace(story.Subtitle) ? "" : $"""
            <tr><td class="folio-muted" style="padding:0 0 12px;font-family:{Fonts};font-size:19px;line-height:1.4;color:#5c5750;">{E(story.Subtitle)}</td></tr>
            """;
        var rows = $"""
            {heroHtml}
            <tr><td style="padding:0 0 8px;font-family:{Fonts};font-size:14px;"><a class="folio-link" href="{E(links.Community)}" style="color:#2f6b45;font-weight:bold;text-decoration:none;">{E(story.CommunityName)}</a></td></tr>
            <tr><td class="folio-text folio-title" style="padding:0 0 8px;font-family:{Fonts};font-size:30px;line-height:1.2;font-weight:bold;color:#1d1b18;"><a class="folio-text" href="{E(links.Story)}" style="color:#1d1b18;text-decoration:none;">{E(story.Title)}</a></td></tr>
            {subtitle}
            <tr><td class="folio-muted" style="padding:0 0 24px;font-family:{Fonts};font-size:15px;color:#5c5750;">By <a class="folio-link" href="{E(links.Creator)}" style="color:#2f6b45;">{E(story.AuthorName)}</a> in <a class="folio-link" href="{E(links.Community)}" style="color:#2f6b45;">{E(story.CommunityName)}</a></td></tr>
            <tr><td class="folio-text" style="font-family:{Fonts};font-size:17px;line-height:1.6;color:#1d1b18;">{body.Html}</td></tr>
            <tr><td style="padding:16px 0 0;">
            <table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td class="folio-button" style="border-radius:6px;background-color:#2f6b45;">
            <a class="folio-button" href="{E(links.Story)}" style="display:inline-block;padding:12px 24px;font-family:{Fonts};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;background-color:#2f6b45;">{E(button)}</a>
            </td></tr></table>
            </td></tr>
            """;
        var footer = $"""
            <p style="margin:0 0 8px;">{E(why)}</p>
            <p style="margin:0;"><a class="folio-link" href="{E(marker)}" style="color:#2f6b45;">{E(stop)}</a> · <a class="folio-link" href="{E(links.Settings)}" style="color:#2f6b45;">Your email choices</a></p>
            """;
        return EmailLayout.Html(story.Title, story.Subtitle, siteName, rows, footer);
    }
}
