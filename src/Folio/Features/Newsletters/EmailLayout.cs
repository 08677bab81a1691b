using System.Net;

namespace Folio.Features.Newsletters;

/// <summary>
/// The frame every newsletter email shares: a table 600 px wide at most with inline styles, so Gmail, Apple Mail and
/// Outlook draw it alike, the site's name above a white card, the reader's links below it, and a dark-mode block for the
/// clients that read one. The classes (folio-text, folio-muted, folio-link, folio-button) are what dark mode recolours.
/// </summary>
public static class EmailLayout
{
    public const string Fonts = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <param name="cardRows">The card's table rows, HTML.</param>
    /// <param name="footer">The paragraphs under the card, HTML: why the reader gets this, and how to stop it.</param>
    public static string Html(string title, string preheader, string siteName, string cardRows, string footer) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="supported-color-schemes" content="light dark">
        <title>{{E(title)}}</title>
        <style>
        :root { color-scheme: light dark; supported-color-schemes: light dark; }
        @media (prefers-color-scheme: dark) {
          .folio-page { background-color: #151412 !important; }
          .folio-card { background-color: #22201d !important; }
          .folio-text, .folio-text p, .folio-text li, .folio-text h2, .folio-text h3 { color: #ece8e1 !important; }
          .folio-muted { color: #b9b3aa !important; }
          .folio-link, .folio-text a { color: #8fcfa6 !important; }
          .folio-title a { color: #ece8e1 !important; }
          .folio-button { background-color: #8fcfa6 !important; color: #10281a !important; }
          .folio-text blockquote { color: #cfc9c0 !important; border-color: #5c5750 !important; }
          .folio-text pre { background-color: #151412 !important; }
          .folio-rule { border-color: #3a3733 !important; }
        }
        @media (max-width: 620px) {
          .folio-card { padding: 24px 18px !important; }
          .folio-title { font-size: 26px !important; }
        }
        </style>
        </head>
        <body class="folio-page" style="margin:0;padding:0;background-color:#f4f2ee;">
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">{{E(preheader)}}</div>
        <table role="presentation" class="folio-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f2ee;">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;">
        <tr><td class="folio-muted" style="padding:0 4px 12px;font-family:{{Fonts}};font-size:15px;font-weight:bold;color:#5c5750;">{{E(siteName)}}</td></tr>
        <tr><td class="folio-card" style="background-color:#ffffff;border-radius:8px;padding:32px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
        {{cardRows}}
        </table>
        </td></tr>
        <tr><td class="folio-muted" style="padding:20px 4px 0;font-family:{{Fonts}};font-size:13px;line-height:1.5;color:#5c5750;">
        {{footer}}
        </td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>
        """;
}
