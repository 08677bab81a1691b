using System.Net;
using Folio.Features.Audit;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.People;

public sealed class PeopleApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Persona.Anonymous, 401)]
    [InlineData(Persona.Reader, 403)]
    [InlineData(Persona.Moderator, 403)]
    public async Task OnlyAdminsUseThePeopleEndpoints(Persona persona, int status)
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("target"));
        using var client = await _app.ApiClientForAsync(persona);

        await (await client.GetAsync("/api/v1/admin/people?q=target")).ReadProblemAsync(status);
        await (await client.PostJsonAsync($"/api/v1/admin/people/{target.UserName}/ban", new { reason = "x" })).ReadProblemAsync(status);
        await (await client.Http.PutAsync($"/api/v1/admin/people/{target.UserName}/roles/admin", null)).ReadProblemAsync(status);
        Assert.False((await _app.AccountAsync(target.UserName!)).Banned);
    }

    [Fact]
    public async Task AnAdminSearchesSuspendsBansAndLiftsThroughTheApi()
    {
        var prefix = TestData.Unique("apiperson");
        var target = await _app.PersonWithRolesAsync(prefix);
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var found = await (await admin.GetAsync($"/api/v1/admin/people?q={prefix}")).ReadJsonAsync();
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
        var person = found.GetProperty("items")[0];
        Assert.Equal((prefix, "unconfirmed"), (person.GetProperty("username").GetString(), person.GetProperty("standing").GetString()));
        Assert.Equal(["reader"], person.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var suspended = await admin.PostJsonAsync($"/api/v1/admin/people/{prefix}/suspension", new { days = 30, reason = "Spam links" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var body = await suspended.ReadJsonAsync();
        Assert.Equal(("suspended", "Spam links"), (body.GetProperty("standing").GetString(), body.GetProperty("reason").GetString()));
        Assert.Equal(_app.Clock.UtcNow.AddDays(30), (await _app.AccountAsync(prefix)).SuspendedUntil);

        var until = _app.Clock.UtcNow.AddDays(2);
        var byDate = await (await admin.PostJsonAsync($"/api/v1/admin/people/{prefix}/suspension", new { until, reason = "Shorter" })).ReadJsonAsync();
        Assert.Equal(until, byDate.GetProperty("suspendedUntil").GetDateTime().ToUniversalTime());

        var banned = await (await admin.PostJsonAsync($"/api/v1/admin/people/{prefix}/ban", new { reason = "Again" })).ReadJsonAsync();
        Assert.Equal("banned", banned.GetProperty("standing").GetString());

        var lifted = await (await admin.DeleteAsync($"/api/v1/admin/people/{prefix}/suspension")).ReadJsonAsync();
        Assert.Equal("unconfirmed", lifted.GetProperty("standing").GetString());

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == target.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.UserSuspend, AuditActions.UserSuspend, AuditActions.UserBan, AuditActions.UserUnsuspend], actions);
    }

    [Fact]
    public async Task BadSuspensionsAreValidationProblemsAndRefusalsAreConflicts()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("apibad"));
        using var admin = await _app.ApiClientForAsync(Persona.Admin);
        var url = $"/api/v1/admin/people/{target.UserName}/suspension";

        var both = await (await admin.PostJsonAsync(url, new { days = 1, until = _app.Clock.UtcNow.AddDays(3), reason = "" })).ReadProblemAsync(400);
        Assert.Equal(["Give either `days` or `until`."], both.FieldErrors("days"));
        Assert.Equal(["Give a reason: the person sees it."], both.FieldErrors("reason"));
        var tooLong = await (await admin.PostJsonAsync(url, new { days = 99999, reason = "x" })).ReadProblemAsync(400);
        Assert.NotEmpty(tooLong.FieldErrors("days"));
        var past = await (await admin.PostJsonAsync(url, new { until = _app.Clock.UtcNow.AddDays(-1), reason = "x" })).ReadProblemAsync(400);
        Assert.NotEmpty(past.FieldErrors("until"));
        await (await admin.SendRawAsync(HttpMethod.Post, url, "{\"days\":")).ReadProblemAsync(400);

        await (await admin.PostJsonAsync("/api/v1/admin/people/nobody-at-all/ban", new { reason = "x" })).ReadProblemAsync(404);
        var self = await (await admin.PostJsonAsync($"/api/v1/admin/people/{admin.User!.UserName}/ban", new { reason = "x" })).ReadProblemAsync(409);
        Assert.Equal("You can't ban your own account.", self.GetProperty("detail").GetString());
        var unAdminSelf = await (await admin.DeleteAsync($"/api/v1/admin/people/{admin.User.UserName}/roles/admin")).ReadProblemAsync(409);
        Assert.Contains("yourself", unAdminSelf.GetProperty("detail").GetString());
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task RolesAreGrantedAndRemovedAndAnUnknownRoleIsAValidationProblem()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("apirole"));
        using var admin = await _app.ApiClientForAsync(Persona.Admin);
        var url = $"/api/v1/admin/people/{target.UserName}/roles";

        var granted = await (await admin.Http.PutAsync($"{url}/moderator", null)).ReadJsonAsync();
        Assert.Equal(["reader", "moderator"], granted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var removed = await (await admin.DeleteAsync($"{url}/moderator")).ReadJsonAsync();
        Assert.Equal(["reader"], removed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var unknown = await (await admin.Http.PutAsync($"{url}/wizard", null)).ReadProblemAsync(400);
        Assert.StartsWith("“wizard” is not a role.", unknown.FieldErrors("role").Single());
        await (await admin.DeleteAsync($"{url}/reader")).ReadProblemAsync(409);

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == target.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.RoleGrant, AuditActions.RoleRemove], actions);
    }

    [Fact]
    public async Task ThePeopleEndpointsAreInTheOpenApiDocument()
    {
        using var client = _app.CreateClient();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/admin/people").TryGetProperty("get", out _));
        var suspension = paths.GetProperty("/api/v1/admin/people/{username}/suspension");
        Assert.True(suspension.TryGetProperty("post", out _) && suspension.TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/admin/people/{username}/ban").TryGetProperty("post", out _));
        var roles = paths.GetProperty("/api/v1/admin/people/{username}/roles/{role}");
        Assert.True(roles.TryGetProperty("put", out _) && roles.TryGetProperty("delete", out _));
    }
}
