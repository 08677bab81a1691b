using Folio.Features.Accounts;
using Folio.Features.Audit;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Audit;

/// <summary>The command line's actions are in the log too, by the "Command line" actor.</summary>
public sealed class AuditCommandLineTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    [Fact]
    public async Task CommunityAddAndUserRoleAreRecordedByTheCommandLine()
    {
        var community = await _folio.RunAsync("community", "add", "--slug", "night-owls", "--name", "Night Owls", "--tagline", "After dark.");
        Assert.Equal(0, (await UserCommandTests.AddUserAsync(_folio, "sam")).ExitCode);
        var role = await _folio.RunAsync("user", "role", "--username", "sam", "--role", Roles.Moderator);
        var again = await _folio.RunAsync("user", "role", "--username", "sam", "--role", Roles.Moderator);

        Assert.True(community.ExitCode == 0, community.ToString());
        Assert.True(role.ExitCode == 0, role.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.CommunityCreate, AuditActions.RoleGrant], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((null, AuditLog.CommandLineActor), (e.ActorId, e.ActorName)));

        var created = entries[0];
        var id = await app.WithDbAsync(db => db.Communities.Where(c => c.Slug == "night-owls").Select(c => c.Id).SingleAsync());
        Assert.Equal(("community", id.ToString(), "Created the community Night Owls (/night-owls)"), (created.SubjectType, created.SubjectId, created.Summary));
        Assert.Null(created.Before);
        Assert.Equal("After dark.", AuditSteps.Json(created.After).GetProperty("tagline").GetString());

        var granted = entries[1];
        var sam = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "sam"));
        Assert.Equal(("user", sam.Id, "Granted moderator to @sam"), (granted.SubjectType, granted.SubjectId, granted.Summary));
        Assert.Equal([new AuditChange("roles", "reader", "reader, moderator")], AuditChanges.Of(granted.Before, granted.After));
    }
}
