using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Standing;

/// <summary>Moderating and administering need good standing too, but never a confirmed email.</summary>
public sealed class StandingPowersTests : IDisposable
{
    private readonly FolioApp _app = StandingCalls.RequiringConfirmedEmail();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Persona.Moderator, "/moderation")]
    [InlineData(Persona.Admin, "/admin/people")]
    public async Task ASuspendedModeratorOrAdminLosesThosePagesAtOnce(Persona persona, string page)
    {
        using var signedIn = await _app.ClientForAsync(persona);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Http.GetAsync(page)).StatusCode);

        await _app.PutInAsync(signedIn.User!, AccountState.Suspended);

        var refused = await signedIn.Http.GetAsync(page);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{page} answered {(int)refused.StatusCode}");
    }

    [Fact]
    public async Task AnAdminWhoseEmailIsNotConfirmedKeepsTheAdminArea()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);

        await _app.PutInAsync(admin.User!, AccountState.Unconfirmed);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/site")).StatusCode);
    }
}
