using Folio.Features.Accounts;
using Folio.Features.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Admin;

public sealed class AdminCliTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    [Theory]
    [InlineData("", false)]
    [InlineData("--urls http://localhost:5080", false)]
    [InlineData("--Folio:SeedDemo=false", false)]
    [InlineData("migrate", true)]
    [InlineData("--Folio:DataDirectory=/srv/folio user add", true)]
    [InlineData("frobnicate", true)]
    [InlineData("--help", true)]
    public void CommandsStartWithAWordAndConfigurationIsNotOne(string args, bool isCommand) =>
        Assert.Equal(isCommand, AdminCli.IsCommand(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public async Task MigrateCreatesTheDatabaseWithRolesAndLeavesDemoContentToTheServer()
    {
        // The operator's environment asks for the demo site; migrating still leaves it to the server.
        using var folio = new FolioProcess(seedDemo: true, migrateTemplate: FolioApp.MigrateTemplate);

        var run = await folio.RunAsync("migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        var database = TestDatabase.IsPostgres
            ? "folio_\\w+ on tcp://127\\.0\\.0\\.1:\\d+"
            : System.Text.RegularExpressions.Regex.Escape(Path.Combine(folio.DataDirectory, "folio.db"));
        Assert.Matches($"^database {database} is at migration \\d+_\\w+$", run.Out.TrimEnd());
        using (var app = new FolioApp(dataDirectory: folio.DataDirectory))
        {
            Assert.False(await app.WithDbAsync(db => db.Communities.AnyAsync()));
            await using var scope = app.Services.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.Equal(Roles.All.Order(), await roles.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        }

        using var server = new FolioApp(seedDemo: true, dataDirectory: folio.DataDirectory);
        Assert.True(await server.WithDbAsync(db => db.Communities.AnyAsync()), "the first server start still seeds the demo site");
    }

    [Fact]
    public async Task ConfigurationOnTheCommandLineReachesTheCommand()
    {
        if (TestDatabase.IsPostgres)
        {
            // On PostgreSQL the data directory holds no database, so the setting that moves it is the connection string.
            var database = "folio_cli_" + Guid.NewGuid().ToString("N")[..12];
            PostgresCluster.Shared.CreateDatabase(database);
            try
            {
                var moved = await _folio.RunAsync($"--ConnectionStrings:Folio={PostgresCluster.Shared.ConnectionString(database)}", "migrate");

                Assert.True(moved.ExitCode == 0, moved.ToString());
                Assert.StartsWith($"database {database} on ", moved.Out);
            }
            finally
            {
                PostgresCluster.Shared.DropDatabase(database);
            }

            return;
        }

        var elsewhere = Path.Combine(_folio.DataDirectory, "elsewhere");

        var run = await _folio.RunAsync($"--Folio:DataDirectory={elsewhere}", "migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(elsewhere, "folio.db")));
        Assert.False(File.Exists(Path.Combine(_folio.DataDirectory, "folio.db")));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("user add --bogus")]
    [InlineData("user")]
    public async Task UnknownCommandsAndOptionsPrintTheUsageOnStandardError(string command)
    {
        var run = await _folio.RunAsync(command.Split(' '));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("Usage:", run.Error);
    }

    [Fact]
    public async Task HelpListsTheCommandsOnStandardOutput()
    {
        var run = await _folio.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "user", "token", "community", "migrate" })
        {
            Assert.Contains(command, run.Out);
        }
    }
}
