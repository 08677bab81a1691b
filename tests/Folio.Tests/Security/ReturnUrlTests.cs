using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Security;

/// <summary>
/// Every form that sends the visitor back somewhere afterwards stays on this site, whatever returnUrl says. The tests
/// share one app; each signs up, follows and is followed under names of its own.
/// </summary>
public sealed class ReturnUrlTests(ReturnUrlTests.App shared) : IClassFixture<ReturnUrlTests.App>
{
    private readonly FolioApp _app = shared.App;

    /// <summary>Room for the class's dozen sign-ups from one address, a limit none of its tests is about.</summary>
    public sealed class App() : SharedFolioApp(new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Accounts:SignUpsPerHour"] = "1000" }));

    /// <summary>Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so each of these leaves the site.</summary>
    public static TheoryData<string> Elsewhere =>
    [
        "https://evil.example/x",
        "//evil.example/x",
        "/\\evil.example/x",
        "\\\\evil.example/x",
        "/\t/evil.example/x",
        "/\n/evil.example/x",
        "/\r\n/evil.example/x",
        "\t//evil.example/x",
        "/\\\t/evil.example/x",
        "javascript:alert(1)",
        "/x\r\nSet-Cookie: stolen=1",
        "/" + new string('a', 70_000),
    ];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task SignInStaysOnTheSite(string returnUrl)
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Login"] = reader.User!.UserName!, ["Input.Password"] = Personas.Password });

        AssertSentTo("/", response);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task SignUpStaysOnTheSite(string returnUrl)
    {
        using var browser = _app.NewBrowser();
        var joiner = TestData.Unique("joiner");

        var response = await browser.PostFormAsync("/signup?returnUrl=" + Uri.EscapeDataString(returnUrl), new()
        {
            ["Input.Email"] = $"{joiner}@example.org",
            ["Input.UserName"] = joiner,
            ["Input.DisplayName"] = "Joiner",
            ["Input.Password"] = "a long enough password",
        });

        // The check-inbox page comes first; its Continue leads on, never off the site.
        AssertSentTo("/check-inbox?returnUrl=%2Fme%2Fstories", response);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task SubscribingStaysOnTheSite(string returnUrl)
    {
        var maya = (await _app.Data.PersonAsync()).UserName;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync($"/following/creators/{maya}", [new("follow", "true"), new("returnUrl", returnUrl)], $"/authors/{maya}");

        AssertSentTo($"/authors/{maya}", response);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task FollowingACommunityStaysOnTheSite(string returnUrl)
    {
        var owls = (await _app.Data.CommunityAsync()).Slug;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync($"/following/communities/{owls}", [new("follow", "true"), new("returnUrl", returnUrl)], $"/{owls}");

        AssertSentTo($"/{owls}", response);
    }

    [Theory]
    [InlineData("/explore?page=2#top")]
    [InlineData("/authors/maya")]
    public async Task APathOnTheSiteIsFollowed(string returnUrl)
    {
        var maya = (await _app.Data.PersonAsync()).UserName;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync($"/following/creators/{maya}", [new("follow", "true"), new("returnUrl", returnUrl)], $"/authors/{maya}");

        AssertSentTo(returnUrl, response);
    }

    /// <summary>A Location header carries ASCII only; a path with other letters is sent percent-encoded, as a browser sends it.</summary>
    [Theory]
    [InlineData("/tags/café", "/tags/caf%C3%A9")]
    [InlineData("/night-owls\u202E", "/night-owls%E2%80%AE")]
    public async Task APathOnTheSiteWithLettersBeyondAsciiIsFollowedEncoded(string returnUrl, string sentTo)
    {
        var owls = (await _app.Data.CommunityAsync()).Slug;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync($"/following/communities/{owls}", [new("follow", "true"), new("returnUrl", returnUrl)], $"/{owls}");

        AssertSentTo(sentTo, response);
    }

    private static void AssertSentTo(string expected, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}
