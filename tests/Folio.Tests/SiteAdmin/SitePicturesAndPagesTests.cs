using System.Net;
using System.Text;
using Folio.Features.SiteAdmin;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Folio.Tests.SiteAdmin;

public sealed class SitePicturesAndPagesTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnUploadedLogoAndFaviconAreRedrawnAndShownOnEveryPage()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.UploadAsync("Logo", SettingsForms.Picture(1200, 300), "logo.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.UploadAsync("Favicon", SettingsForms.Picture(200, 100, SKEncodedImageFormat.Jpeg), "icon.jpg", "image/jpeg")).StatusCode);

        var home = await _app.NewBrowser().GetHtmlAsync("/");
        var logo = home.QuerySelector(".site-header .brand__logo")?.GetAttribute("src");
        Assert.StartsWith("/site/logo.png?v=", logo);
        Assert.Null(home.QuerySelector(".site-header .brand__mark"));
        var favicon = home.QuerySelector("link[rel=icon]")?.GetAttribute("href");
        Assert.StartsWith("/site/favicon.png?v=", favicon);

        using var served = SKBitmap.Decode(await _app.NewBrowser().GetByteArrayAsync(logo));
        Assert.Equal((384, 96), (served.Width, served.Height));
        using var icon = SKBitmap.Decode(await _app.NewBrowser().GetByteArrayAsync(favicon));
        Assert.Equal((64, 64), (icon.Width, icon.Height));
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "settings.change")));

        var removed = await admin.Http.PostFormAsync("/admin/site?handler=Remove&name=logo", new Dictionary<string, string>(), "/admin/site");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull((await _app.NewBrowser().GetHtmlAsync("/")).QuerySelector(".site-header .brand__mark"));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewBrowser().GetAsync("/site/logo.png")).StatusCode);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", "isn’t a picture we can read")]
    [InlineData("logo.svg", "image/svg+xml", "SVG files are not accepted")]
    [InlineData("huge.png", "image/png", "larger than 1 MB")]
    public async Task AFileThatIsNotASmallPictureIsRefused(string fileName, string contentType, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var file = fileName switch
        {
            "huge.png" => new byte[SitePictures.MaxBytes + 1],
            "logo.svg" => Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
            _ => Encoding.UTF8.GetBytes("just some words"),
        };
        var response = await admin.Http.UploadAsync("Logo", file, fileName, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Logo']")?.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Input.Name']"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteImages.CountAsync()));
    }

    [Fact]
    public async Task FooterPagesArePreviewedThenSavedAndAnEmptyPageGoesBackToTheDefault()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = await admin.Http.GetHtmlAsync("/admin/site/pages");
        var defaultTerms = form.QuerySelector("textarea[name='Pages[terms]']")!.TextContent;
        Assert.Contains("# ", defaultTerms);

        var fields = new Dictionary<string, string>
        {
            ["Pages[contact]"] = "# Write to us\n\nMail **owls@example.org**.",
            ["Pages[terms]"] = defaultTerms,
            ["preview"] = "contact",
        };
        var preview = await admin.Http.PostFormAsync("/admin/site/pages", fields);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = await preview.ReadHtmlAsync();
        Assert.Equal("Write to us", previewed.QuerySelector(".site-page-preview h2")?.TextContent);
        Assert.Equal("owls@example.org", previewed.QuerySelector(".site-page-preview strong")?.TextContent);
        Assert.Contains("Mail **owls@example.org**.", previewed.QuerySelector("textarea[name='Pages[contact]']")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync()));

        fields.Remove("preview");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync("/admin/site/pages", fields)).StatusCode);
        var contact = await _app.NewBrowser().GetHtmlAsync("/contact");
        Assert.Equal("Write to us", contact.QuerySelector("h1")?.TextContent);
        var stored = await _app.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Null(stored.TermsMarkdown);

        fields["Pages[contact]"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync("/admin/site/pages", fields)).StatusCode);
        Assert.NotEqual("Write to us", (await _app.NewBrowser().GetHtmlAsync("/contact")).QuerySelector("h1")?.TextContent);
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AnOverlongPageIsRefusedKeepingWhatWasTyped()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var text = "# Long\n\n" + new string('a', 50_001);
        var response = await admin.Http.PostFormAsync("/admin/site/pages", new Dictionary<string, string> { ["Pages[privacy]"] = text });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("50,000 characters", page.QuerySelector("[data-valmsg-for='Pages[privacy]']")?.TextContent);
        Assert.Equal(text, page.QuerySelector("textarea[name='Pages[privacy]']")?.TextContent);
    }
}
