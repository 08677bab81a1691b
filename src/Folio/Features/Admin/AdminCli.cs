using System.CommandLine;

namespace Folio.Features.Admin;

/// <summary>
/// One executable: with no command Folio serves; with one (`user add`, `token add`, `community add`, `migrate`)
/// it administers the site and exits. Standard output carries only the result; errors go to standard error
/// with a non-zero exit code.
/// </summary>
public static class AdminCli
{
    private static readonly string[] HelpAndVersion = ["--help", "-h", "-?", "--version"];

    /// <summary>Host settings that, like `--Section:Key=value`, are configuration rather than part of a command.</summary>
    private static readonly string[] HostSettings = ["environment", "contentRoot", "applicationName"];

    /// <summary>The server's arguments are configuration (`--urls http://…`); a command starts with a word.</summary>
    public static bool IsCommand(string[] args) =>
        args.FirstOrDefault(a => !IsConfiguration(a)) is { } first
        && (HelpAndVersion.Contains(first) || !first.StartsWith('-') && !first.StartsWith('/'));

    public static async Task<int> RunAsync(string[] args)
    {
        var host = new AdminHost(args.Where(IsConfiguration).ToArray());
        var root = new RootCommand("Administers a Folio site and exits. Without a command, Folio serves the site.")
        {
            UserCommands.Create(host),
            TokenCommands.Create(host),
            CommunityCommands.Create(host),
            ChallengeCommands.Create(host),
            MigrateCommand.Create(host),
            BackupCommands.Backup(host),
            BackupCommands.Restore(host),
            CopyToCommand.Create(host),
            Transfer.ImportCommands.Create(host),
            Transfer.ExportCommand.Create(host),
        };
        var parsed = root.Parse(args.Where(a => !IsConfiguration(a)).ToArray());

        // A mistake prints the usage with the error, on standard error, so standard output only ever holds a result.
        var console = new InvocationConfiguration { Output = parsed.Errors.Count > 0 ? Console.Error : Console.Out };
        return await parsed.InvokeAsync(console);
    }

    /// <summary>`--Folio:DataDirectory=/srv/folio`: configuration in the form ASP.NET Core reads from a command line.</summary>
    public static bool IsConfiguration(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.IndexOf('=') is not (> 2 and var equals))
        {
            return false;
        }

        var key = arg[2..equals];
        return key.Contains(':') || HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase);
    }
}
