using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Security;

public enum Outcome
{
    Allowed,
    SignInFirst,
    Forbidden,
    NotFound,
}

/// <summary>Who may do what: every persona against every protected action, checked on the server.</summary>
public sealed class AccessMatrixTests(SharedFolioApp shared) : IClassFixture<SharedFolioApp>
{
    private FolioApp _app = shared.App;

    /// <summary>For a test that counts every story on the site: from its first line on, it uses an app of its own.</summary>
    private FolioApp OwnApp() => _app = new FolioApp();

    public static TheoryData<string, Persona, Outcome> Matrix()
    {
        var data = new TheoryData<string, Persona, Outcome>();
        void Row(string action, Outcome anonymous, Outcome reader, Outcome creator, Outcome trusted, Outcome moderator, Outcome admin)
        {
            data.Add(action, Persona.Anonymous, anonymous);
            data.Add(action, Persona.Reader, reader);
            data.Add(action, Persona.Creator, creator);
            data.Add(action, Persona.Trusted, trusted);
            data.Add(action, Persona.Moderator, moderator);
            data.Add(action, Persona.Admin, admin);
        }

        const Outcome ok = Outcome.Allowed, signIn = Outcome.SignInFirst, no = Outcome.Forbidden, missing = Outcome.NotFound;
        Row("open the editor", signIn, ok, ok, ok, ok, ok);
        Row("see my stories", signIn, ok, ok, ok, ok, ok);
        Row("publish without review", signIn, no, no, ok, ok, ok);
        Row("edit someone else's story", signIn, missing, missing, missing, missing, missing);
        Row("unpublish someone else's story", signIn, missing, missing, missing, missing, missing);
        Row("see the moderation queue", signIn, no, no, no, ok, ok);
        Row("review a story", signIn, no, no, no, ok, ok);
        Row("approve a story", signIn, no, no, no, ok, ok);
        Row("see reports", signIn, no, no, no, ok, ok);
        Row("see fediverse blocks", signIn, no, no, no, ok, ok);
        Row("see remote followers", signIn, no, no, no, ok, ok);
        Row("report a story", signIn, ok, ok, ok, ok, ok);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task PersonaMayOrMayNotDoTheAction(string action, Persona persona, Outcome expected)
    {
        var community = await _app.Data.CommunityAsync();
        var owner = await _app.Data.PersonAsync();
        var published = await _app.Data.StoryAsync(community, owner, body: StoryForms.Words(150));
        var pending = await _app.Data.StoryAsync(community, owner, body: StoryForms.Words(150), status: StoryStatus.Draft);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(pending.Id))!.SubmitForReview(_app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        using var client = await _app.ClientForAsync(persona);
        var browser = client.Http;
        using var signedInHelper = persona == Persona.Anonymous ? await _app.ClientForAsync(Persona.Reader) : null;
        var tokenPage = signedInHelper?.Http ?? browser;

        async Task<HttpResponseMessage> Post(string url, Dictionary<string, string> fields, string formPage)
        {
            // An anonymous visitor has no form to take a token from; borrow one so the request reaches authorization.
            var page = await tokenPage.GetHtmlAsync(formPage);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await browser.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        }

        var response = action switch
        {
            "open the editor" => await browser.GetAsync("/write"),
            "see my stories" => await browser.GetAsync("/me/stories"),
            "publish without review" => await Post("/write?handler=Publish", StoryForms.Fields(community.Slug, "Fast Track").Where(f => f.Key != "__handler").ToDictionary(), "/write"),
            "edit someone else's story" => await browser.GetAsync($"/stories/{published.Id}/edit"),
            "unpublish someone else's story" => await Post($"/stories/{published.Id}/edit?handler=Unpublish", [], "/write"),
            "see the moderation queue" => await browser.GetAsync("/moderation"),
            "review a story" => await browser.GetAsync($"/moderation/stories/{pending.Id}"),
            "approve a story" => await Post($"/moderation/stories/{pending.Id}?handler=Approve", [], "/write"),
            "see reports" => await browser.GetAsync("/moderation/reports"),
            "see fediverse blocks" => await browser.GetAsync("/moderation/fediverse"),
            "see remote followers" => await browser.GetAsync("/moderation/fediverse/followers"),
            "report a story" => await browser.GetAsync($"/stories/{published.Id}/report"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(expected, Classify(response));
        if (action == "unpublish someone else's story" || (action == "approve a story" && expected != Outcome.Allowed))
        {
            await _app.GetPageAsync($"/{community.Slug}/{published.Slug}");
            Assert.Equal(StoryStatus.Pending, await _app.WithDbAsync(async db => (await db.Stories.FindAsync(pending.Id))!.Status));
        }
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Outcome.Allowed,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/signin") => Outcome.SignInFirst,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/error/403") => Outcome.Forbidden,
        HttpStatusCode.Redirect => Outcome.Allowed,
        _ => throw new Xunit.Sdk.XunitException($"Unexpected {(int)response.StatusCode} {response.Headers.Location}"),
    };

    [Fact]
    public async Task FormsWithoutTheAntiforgeryTokenAreRefused()
    {
        using var own = OwnApp();
        await _app.Data.CommunityAsync("csrf");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostAsync("/write?handler=Save",
            new FormUrlEncodedContent(StoryForms.Fields("csrf", "Forged").Where(f => f.Key != "__handler")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.Stories.Count())));
    }

    [Theory]
    [InlineData("/explore")]
    [InlineData("/")]
    [InlineData("/insights")]
    public async Task PostingToAReadOnlyPageIsRefusedNotAnError(string url)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var reader = await _app.ClientForAsync(Persona.Reader);

        foreach (var target in new[] { url, $"/{community.Slug}", $"/{community.Slug}/{story.Slug}", $"/authors/{reader.User!.UserName}" })
        {
            var response = await reader.Http.PostFormAsync(target, [], formPage: "/write");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }
}
