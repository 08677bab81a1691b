using System.Net.Http.Headers;
using System.Text;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Security;

/// <summary>Whatever a client sends to /api, the answer is a problem detail in JSON: never an empty 500, never a page.</summary>
public sealed class ApiErrorAnswerTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("Bearer folio_not-a-token-folio-ever-issued")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("folio_bare-token-without-a-scheme")]
    [InlineData("Bearerfolio_run-together")]
    public async Task APublicReadWithATokenThatDoesNotVerifyIsUnauthorized(string authorization)
    {
        await _app.Data.CommunityAsync("open");
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);
        api.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await api.GetAsync("/api/v1/communities");

        await response.ReadProblemAsync(401);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task APublicReadWithARevokedTokenIsUnauthorized()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == api.User!.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, _app.Clock.UtcNow)));

        var response = await api.GetAsync("/api/v1/stories");

        await response.ReadProblemAsync(401);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("image/png")]
    public async Task AProblemIsJsonWhateverTheClientAccepts(string accept)
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);
        api.Http.DefaultRequestHeaders.Accept.ParseAdd(accept);

        await (await api.GetAsync("/api/v1/me")).ReadProblemAsync(401);
        await (await api.GetAsync("/api/v1/stories/999999")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task ABodyInAnUnknownCharsetIsRefused()
    {
        using var api = await _app.ApiClientForAsync(Persona.Creator);
        using var content = new StringContent("""{"community":"earth","title":"Charset"}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=bogus");

        var response = await api.Http.PostAsync("/api/v1/stories", content);

        Assert.InRange((await response.ReadProblemAsync((int)response.StatusCode)).GetProperty("status").GetInt32(), 400, 415);
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync()));
    }

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/communities")]
    public async Task AMultipartBodyOnARead(string url)
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);
        using var content = new MultipartFormDataContent { { new StringContent("x"), "field" } };

        var response = await api.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Content = content });

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
