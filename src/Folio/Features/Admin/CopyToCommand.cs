using System.CommandLine;
using Folio.Data;
using Folio.Features.Operations;

namespace Folio.Features.Admin;

/// <summary>`copy-to --database postgres --connection "…"`: the SQLite site's every row into an empty PostgreSQL database.</summary>
public static class CopyToCommand
{
    public static Command Create(AdminHost host)
    {
        var database = new Option<string>("--database") { Required = true, Description = "The kind of database to copy to: postgres." };
        database.AcceptOnlyFromAmong("postgres");
        var connection = new Option<string>("--connection")
        {
            Required = true,
            Description = "The PostgreSQL connection string, e.g. \"Host=db;Database=folio;Username=folio;Password=…\". The database must be empty (or not exist yet).",
        };
        var command = new Command("copy-to", "Copy this SQLite site, every row with its keys, into an empty PostgreSQL database, "
            + "and check every table's row count. Stop writes to the site first; anything written during the copy stays behind.") { database, connection };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            var copy = ActivatorUtilities.CreateInstance<DatabaseCopy>(context.Services);
            var report = await CopyProgress.ShowAsync(context.Error, progress =>
                copy.ToPostgresAsync(context.Get<FolioDb>(), parsed.GetRequiredValue(connection), progress, context.CancellationToken));
            if (report.Counts.Count > 0)
            {
                context.Out.WriteLine(RowCounts.Format(report.Counts, "sqlite", "postgres"));
            }

            return report.Outcome.Succeeded ? context.Done(report.Outcome.Message) : context.Fail(report.Outcome.Message);
        }, cancellationToken));
        return command;
    }
}
