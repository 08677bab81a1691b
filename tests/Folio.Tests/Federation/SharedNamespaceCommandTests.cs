using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

public sealed class SharedNamespaceCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    [Fact]
    public async Task UserAddRefusesACommunitysName()
    {
        Assert.Equal(0, (await _folio.RunAsync("community", "add", "--slug", "journeys", "--name", "Journeys")).ExitCode);

        var run = await UserCommandTests.AddUserAsync(_folio, "Journeys");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("share one namespace", run.Error);
    }

    [Fact]
    public async Task MigrateReportsNamesTakenTwiceAndHowToResolveThemWithoutFailing()
    {
        Assert.Equal(0, (await _folio.RunAsync("migrate")).ExitCode);
        using (var app = new FolioApp(dataDirectory: _folio.DataDirectory))
        {
            // Made before the rule: the account first, then the community straight into the table.
            await app.Data.PersonAsync("Tides");
            await app.Data.CommunityAsync("tides");
            await app.Data.PersonAsync("alone");
        }

        var run = await _folio.RunAsync("migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        var report = run.Out.TrimEnd().Split('\n');
        Assert.Equal(2, report.Length);
        Assert.StartsWith("database ", report[0]);
        Assert.Contains("@Tides and the community /tides", report[1]);
        Assert.Contains("/admin/communities/tides", report[1]);
        Assert.Contains("/settings", report[1]);
    }
}
