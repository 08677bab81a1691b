using System.CommandLine;
using Folio.Data;
using Folio.Features.Operations;

namespace Folio.Features.Admin;

/// <summary>
/// `backup <file>` and `restore <file>`: the whole site (database, media, pages) in one archive and back. Neither
/// migrates the database first: a backup takes the database as it is, a restore replaces it.
/// </summary>
public static class BackupCommands
{
    public static Command Backup(AdminHost host)
    {
        var file = new Argument<string>("file") { Description = "The archive to write, e.g. folio-backup.zip. On PostgreSQL: the file pg_dump should write." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it already exists." };
        var command = new Command("backup", "Back up the database, uploaded media and site pages into one .zip while the site keeps serving (SQLite); "
            + "on PostgreSQL, print the pg_dump command for this site.") { file, force };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => Run(context, () =>
        {
            var configuration = context.Get<IConfiguration>();
            return DatabaseProviders.Selected(configuration) == DatabaseProvider.Postgres
                ? PostgresBackupAdvice.For(configuration.GetConnectionString("Folio") ?? "", parsed.GetRequiredValue(file), context.Get<DataDirectory>().Path)
                : ActivatorUtilities.CreateInstance<SiteBackup>(context.Services).Create(context.Get<FolioDb>(), parsed.GetRequiredValue(file), parsed.GetValue(force));
        }), cancellationToken, initializeDatabase: false));
        return command;
    }

    public static Command Restore(AdminHost host)
    {
        var file = new Argument<string>("file") { Description = "A .zip written by `backup`." };
        var force = new Option<bool>("--force") { Description = "Replace the site's existing database, media and pages (they are moved to a before-restore folder)." };
        var command = new Command("restore", "Replace the site's SQLite database, media and pages with those of a backup. Stop the site first.") { file, force };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => Run(context, () =>
            DatabaseProviders.Selected(context.Get<IConfiguration>()) == DatabaseProvider.Postgres
                ? OperationResult.Refused("restore replaces a SQLite site. On PostgreSQL, restore a pg_dump file with pg_restore into an empty database, "
                    + "and the media and pages with tar (see `backup`).")
                : ActivatorUtilities.CreateInstance<SiteRestore>(context.Services).Restore(context.Get<FolioDb>(), parsed.GetRequiredValue(file), parsed.GetValue(force))),
            cancellationToken, initializeDatabase: false));
        return command;
    }

    private static Task<int> Run(AdminContext context, Func<OperationResult> operation)
    {
        try
        {
            var result = operation();
            return Task.FromResult(result.Succeeded ? context.Done(result.Message) : context.Fail(result.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(context.Fail($"The files could not be written or read: {e.Message}"));
        }
    }
}
