using System.CommandLine;
using Folio.Features.Admin;

namespace Folio.Features.Transfer;

/// <summary>`export &lt;file.json&gt;`: the whole site in one file, to keep or to load into another Folio with `import folio`.</summary>
public static class ExportCommand
{
    public static Command Create(AdminHost host)
    {
        var file = new Argument<FileInfo>("file.json") { Description = "Where to write the export." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var command = new Command("export",
            $"Write everything needed to rebuild the site to one JSON file (\"format\": \"{SiteExporter.Format}\", \"version\": {SiteExporter.Version}): "
            + "communities, people (profile, email, links, roles, notification settings), tags, stories in every status with their Markdown, "
            + "comments with their threads and tombstones, reader insights and impressions, hearts, reads, subscriptions and community follows, and the audit log of admin and moderator actions. "
            + $"Left out on purpose: {SiteExporter.LeftOut}; imported people set a new password with “Forgot password”. "
            + "Prints what it wrote on standard output.")
        {
            file, force,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var target = parsed.GetRequiredValue(file);
            var error = parsed.InvocationConfiguration.Error;
            if (target.Exists && !parsed.GetValue(force))
            {
                return Task.FromResult(AdminContext.Fail(error, $"{target.FullName} exists. Choose another file, or add --force to replace it."));
            }

            if (target.Directory is { Exists: false } folder)
            {
                return Task.FromResult(AdminContext.Fail(error, $"The folder {folder.FullName} does not exist."));
            }

            return host.RunAsync(parsed, context => ExportAsync(context, target, parsed.GetValue(force)), cancellationToken);
        });
        return command;
    }

    /// <summary>Written beside the target and moved into place at the end, so a failed export never leaves half a file.</summary>
    private static async Task<int> ExportAsync(AdminContext context, FileInfo target, bool force)
    {
        var partial = target.FullName + ".partial";
        var exporter = ActivatorUtilities.CreateInstance<SiteExporter>(context.Services);
        try
        {
            ExportCounts counts;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                counts = await TransferProgress.ShowAsync("Exporting", progress => exporter.ExportAsync(output, progress, context.CancellationToken));
            }

            File.Move(partial, target.FullName, overwrite: force);
            return context.Done($"exported {counts} to {target.FullName}");
        }
        catch (IOException failed)
        {
            File.Delete(partial);
            return context.Fail($"Could not write {target.FullName}: {failed.Message}");
        }
        catch (UnauthorizedAccessException denied)
        {
            return context.Fail($"Could not write {target.FullName}: {denied.Message}");
        }
    }
}
