using System.CommandLine;
using Folio.Data;
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
            return context.Done($"database {where} is at migration {latest}");
        }, cancellationToken));
        return command;
    }
}
