using Folio.Features.Accounts;
using Folio.Features.Audit;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.People;

public sealed class PeopleCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    [Fact]
    public async Task UserSuspendBanAndUnsuspendFollowTheAdminRules()
    {
        Assert.Equal(0, (await UserCommandTests.AddUserAsync(_folio, "boss", Roles.Admin)).ExitCode);
        Assert.Equal(0, (await UserCommandTests.AddUserAsync(_folio, "spammer")).ExitCode);

        var suspended = await _folio.RunAsync(["user", "suspend", "--username", "spammer", "--days", "7", "--reason", "Link spam"]);
        var lastAdmin = await _folio.RunAsync(["user", "ban", "--username", "boss", "--reason", "Oops"]);
        var neither = await _folio.RunAsync(["user", "suspend", "--username", "spammer", "--reason", "Link spam"]);
        var noReason = await _folio.RunAsync(["user", "ban", "--username", "spammer", "--reason", " "]);
        var nobody = await _folio.RunAsync(["user", "unsuspend", "--username", "nobody"]);

        Assert.True(suspended.ExitCode == 0, suspended.ToString());
        Assert.StartsWith("@spammer is suspended until", suspended.Out);
        Assert.Equal(1, lastAdmin.ExitCode);
        Assert.Equal("@boss is the last admin: you can't ban them. Make someone else an admin first.", lastAdmin.Error.TrimEnd());
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("Give either --days or --until.", neither.Error);
        Assert.NotEqual(0, noReason.ExitCode);
        Assert.Equal(1, nobody.ExitCode);

        using (var app = new FolioApp(dataDirectory: _folio.DataDirectory))
        {
            var spammer = await app.AccountAsync("spammer");
            Assert.Equal("Link spam", spammer.SuspensionReason);
            Assert.True(spammer.SuspendedUntil > DateTime.UtcNow.AddDays(6));
            var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync());
            Assert.Equal((AuditActions.UserSuspend, AuditLog.CommandLineActor, (string?)null), (entry.Action, entry.ActorName, entry.ActorId));
        }

        var until = await _folio.RunAsync(["user", "suspend", "--username", "spammer", "--until", DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"), "--reason", "Longer"]);
        var banned = await _folio.RunAsync(["user", "ban", "--username", "spammer", "--reason", "Persistent"]);
        var lifted = await _folio.RunAsync(["user", "unsuspend", "--username", "spammer"]);
        Assert.True(until.ExitCode == 0, until.ToString());
        Assert.Equal("@spammer is banned.", banned.Out.TrimEnd());
        Assert.Equal("@spammer may take part again.", lifted.Out.TrimEnd());

        using var after = new FolioApp(dataDirectory: _folio.DataDirectory);
        var account = await after.AccountAsync("spammer");
        Assert.Equal((false, (DateTime?)null, (string?)null), (account.Banned, account.SuspendedUntil, account.SuspensionReason));
        Assert.Equal([AuditActions.UserSuspend, AuditActions.UserSuspend, AuditActions.UserBan, AuditActions.UserUnsuspend],
            await after.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }
}
