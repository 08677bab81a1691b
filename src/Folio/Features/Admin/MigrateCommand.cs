using System.CommandLine;
using Folio.Data;
using Folio.Features.Federation;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Admin;

/// <summary>`migrate`: brings the database up to date (every command does this first) and ensures the roles, nothing more.</summary>
public static class MigrateCommand
{
    public static Command Create(AdminHost host)
    {
        var command = new Command("migrate", "Create or update the database and its roles, without demo content, and exit.");
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            var database = context.Get<FolioDb>().Database;
            var latest = (await database.GetAppliedMigrationsAsync(context.CancellationToken)).LastOrDefault() ?? "(none)";
            var connection = database.GetDbConnection();
            var where = database.IsSqlite() ? connection.DataSource : $"{connection.Database} on {connection.DataSource}";
            context.Out.WriteLine($"database {where} is at migration {latest}");
            // Names taken twice before usernames and slugs shared one namespace: reported for the operator, not fatal.
            foreach (var collision in await context.Get<FolioDb>().CollisionsAsync(context.CancellationToken))
            {
                context.Out.WriteLine($"name collision: {collision.Advice}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
