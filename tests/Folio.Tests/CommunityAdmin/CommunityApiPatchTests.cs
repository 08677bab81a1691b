using System.Net;
using Folio.Features.Audit;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.CommunityAdmin;

public sealed class CommunityApiPatchTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAdminChangesOnlyTheFieldsSent()
    {
        await _app.Data.CommunityAsync("rivers", "Rivers");
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var response = await admin.PatchJsonAsync("/api/v1/communities/rivers", new
        {
            slug = "waters", accentColor = "#1A2B3C", rules = "No *spoilers*.", submissionsNeedReview = false, archived = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var community = await response.ReadJsonAsync();
        Assert.Equal(("waters", "Rivers", "#1a2b3c", "No *spoilers*.", false, true), (
            community.GetProperty("slug").GetString(), community.GetProperty("name").GetString(), community.GetProperty("accentColor").GetString(),
            community.GetProperty("rules").GetString(), community.GetProperty("submissionsNeedReview").GetBoolean(), community.GetProperty("archived").GetBoolean()));
        Assert.Equal("Tagline of rivers", community.GetProperty("tagline").GetString());
        var old = await _app.NewBrowser().GetAsync("/rivers");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/waters"), (old.StatusCode, old.Headers.Location?.OriginalString));
        var actions = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Action).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.CommunityArchive, AuditActions.CommunityEdit], actions);
    }

    [Fact]
    public async Task BadFieldsAreA400AndATakenSlugA409()
    {
        await _app.Data.CommunityAsync("rivers");
        await _app.Data.CommunityAsync("earth");
        await _app.Data.PersonAsync("maya");
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var bad = await (await admin.PatchJsonAsync("/api/v1/communities/rivers", new { accentColor = "#ffff00", slug = "Not OK", name = "" })).ReadProblemAsync(400);
        var community = await (await admin.PatchJsonAsync("/api/v1/communities/rivers", new { slug = "earth" })).ReadProblemAsync(409);
        var username = await (await admin.PatchJsonAsync("/api/v1/communities/rivers", new { slug = "maya" })).ReadProblemAsync(409);
        var missing = await (await admin.PatchJsonAsync("/api/v1/communities/nowhere", new { name = "X" })).ReadProblemAsync(404);

        Assert.Contains("4.5:1", Assert.Single(bad.FieldErrors("accentColor")));
        Assert.Contains("Community slugs are", Assert.Single(bad.FieldErrors("slug")));
        Assert.Contains("1–80 characters", Assert.Single(bad.FieldErrors("name")));
        Assert.Contains("already answers at /earth", community.GetProperty("detail").GetString());
        Assert.Contains("username", username.GetProperty("detail").GetString());
        Assert.Contains("/nowhere", missing.GetProperty("detail").GetString());
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData(Persona.Reader, 403)]
    [InlineData(Persona.Moderator, 403)]
    [InlineData(Persona.Anonymous, 401)]
    public async Task OnlyAdminsChangeCommunities(Persona persona, int status)
    {
        await _app.Data.CommunityAsync("rivers", "Rivers");
        using var api = await _app.ApiClientForAsync(persona);

        await (await api.PatchJsonAsync("/api/v1/communities/rivers", new { name = "Mine" })).ReadProblemAsync(status);

        Assert.Equal("Rivers", await _app.WithDbAsync(db => db.Communities.Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesThePatch()
    {
        using var client = _app.CreateClient();

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var operations = read.Document!.Paths["/api/v1/communities/{slug}"].Operations!;
        Assert.Contains(operations, o => o.Key == HttpMethod.Patch && o.Value.OperationId == "UpdateCommunity");
    }
}
