using Folio.Tests.Infrastructure;
using Folio.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class MeApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PatchingChangesOnlyTheFieldsSent()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var name = api.User!.DisplayName;

        var bioOnly = await (await api.PatchJsonAsync("/api/v1/me", new { bio = "  Reads everything.  " })).ReadJsonAsync();
        var rest = await (await api.PatchJsonAsync("/api/v1/me", new
        {
            name = " Sam Reader ",
            links = new[] { new { label = "Website", url = "https://sam.example" }, new { label = "", url = "" } },
            emailOnReply = false,
        })).ReadJsonAsync();

        Assert.Equal((name, "Reads everything."), (bioOnly.GetProperty("name").GetString(), bioOnly.GetProperty("bio").GetString()));
        Assert.Equal(("Sam Reader", "Reads everything."), (rest.GetProperty("name").GetString(), rest.GetProperty("bio").GetString()));
        Assert.False(rest.GetProperty("emailOnReply").GetBoolean());
        Assert.True(rest.GetProperty("emailOnReview").GetBoolean());
        var me = await (await api.GetAsync("/api/v1/me")).ReadJsonAsync();
        var link = Assert.Single(me.GetProperty("links").EnumerateArray());
        Assert.Equal(("Website", "https://sam.example"), (link.GetProperty("label").GetString(), link.GetProperty("url").GetString()));
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User.Id));
        Assert.Equal(("Sam Reader", "Reads everything.", false, true), (stored.DisplayName, stored.Bio, stored.EmailOnReply, stored.EmailOnReview));
        Assert.Equal(api.User.UserName, stored.UserName);
    }

    [Fact]
    public async Task RenamesOfAnAuthorWithStoriesSentAtOnceSucceedOrConflictAndSearchFindsTheLastName()
    {
        using var api = await _app.ApiClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        for (var i = 0; i < 3; i++)
        {
            await _app.Data.StoryAsync(community, api.User!, title: $"Harbour light {i}");
        }

        for (var round = 0; round < 5; round++)
        {
            var renames = Enumerable.Range(0, 4).Select(n => api.PatchJsonAsync("/api/v1/me", new { name = $"Writer r{round}n{n}" }));
            var statuses = (await Task.WhenAll(renames)).Select(r => (int)r.StatusCode);
            Assert.All(statuses, status => Assert.Contains(status, new[] { 200, 409 }));
            Assert.Contains(200, statuses);
        }

        var name = (await (await api.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("name").GetString()!;
        Assert.Equal(3, (await _app.TitlesFoundAsync(name.Split(' ')[1])).Count);
    }

    [Fact]
    public async Task AnEmptyLinkListRemovesEveryLinkAndAnEmptyBioClearsIt()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        await api.PatchJsonAsync("/api/v1/me", new { links = new[] { new { label = "Website", url = "https://sam.example" } } });

        var me = await (await api.PatchJsonAsync("/api/v1/me", new { links = Array.Empty<object>(), bio = "" })).ReadJsonAsync();

        Assert.Empty(me.GetProperty("links").EnumerateArray());
        Assert.Equal("", me.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task NameAndBioFollowTheProfileFormsRules()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var blank = await (await api.PatchJsonAsync("/api/v1/me", new { name = "   " })).ReadProblemAsync(400);
        var huge = await (await api.PatchJsonAsync("/api/v1/me", new { name = new string('n', 10_000), bio = new string('b', 1_001) })).ReadProblemAsync(400);

        Assert.Equal("Enter the name readers will see.", Assert.Single(blank.FieldErrors("name")));
        Assert.Equal("Display names are at most 80 characters.", Assert.Single(huge.FieldErrors("name")));
        Assert.Equal("Bios are at most 1000 characters.", Assert.Single(huge.FieldErrors("bio")));
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User!.Id));
        Assert.Equal((api.User!.DisplayName, api.User.Bio), (stored.DisplayName, stored.Bio));
    }

    [Fact]
    public async Task LinksAreCheckedOneByOneLikeTheSettingsForm()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var problem = await (await api.PatchJsonAsync("/api/v1/me", new
        {
            links = new[]
            {
                new { label = "", url = "https://sam.example" },
                new { label = "Evil", url = "javascript:alert(1)" },
                new { label = new string('l', 41), url = "https://ok.example" },
                new { label = "Four", url = "https://4.example" },
                new { label = "Five", url = "https://5.example" },
                new { label = "Six", url = "https://6.example" },
            },
        })).ReadProblemAsync(400);

        Assert.Equal("You can show up to 5 links.", Assert.Single(problem.FieldErrors("links")));
        Assert.Contains("Give this link a label", Assert.Single(problem.FieldErrors("links[0].label")));
        Assert.Contains("starts with https://", Assert.Single(problem.FieldErrors("links[1].url")));
        Assert.Equal("Labels are at most 40 characters.", Assert.Single(problem.FieldErrors("links[2].label")));
        Assert.Empty(problem.FieldErrors("links[3].url"));
        Assert.Empty((await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User!.Id))).Links);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("""{"username": "someone-else"}""")]
    [InlineData("""{"emailOnReply": "yes"}""")]
    [InlineData("""{"links": "https://sam.example"}""")]
    [InlineData("""{"links": [5]}""")]
    [InlineData("""{"links": [{"label": "Website", "url": "https://sam.example", "rel": "me"}]}""")]
    [InlineData("""{"name": ["Sam"]}""")]
    public async Task UnreadableBodiesAreBadRequestProblems(string body)
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        await (await api.SendRawAsync(HttpMethod.Patch, "/api/v1/me", body)).ReadProblemAsync(400);

        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User!.Id));
        Assert.Equal((api.User!.UserName, api.User.DisplayName), (stored.UserName, stored.DisplayName));
    }

    [Fact]
    public async Task ALinkGivenAsNullIsNamed()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var problem = await (await api.SendRawAsync(HttpMethod.Patch, "/api/v1/me", """{"links": [null]}""")).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors("links[0]"));
    }

    [Fact]
    public async Task WithoutATokenNothingChanges()
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await api.PatchJsonAsync("/api/v1/me", new { name = "Intruder" })).ReadProblemAsync(401);
    }
}
