using System.CommandLine;
using Folio.Features.Admin;

namespace Folio.Features.Transfer;

/// <summary>
/// `import markdown`, `import ghost` and `import folio`. The report (counts, then each skipped item with the reason)
/// is the result, on standard output; the exit code is 0 whenever the import ran, even if it skipped items, and 1 when
/// it could not start (no such folder, file or community).
/// </summary>
public static class ImportCommands
{
    private const string Report =
        "Prints how many stories were imported, how many were already there from an earlier run (importing again adds only what is new), "
        + "and each item it skipped with the reason. Nobody is notified and no email is sent about imported stories. "
        + "Exits with 0 when the import ran, even if it skipped items, and 1 when it could not start.";

    public static Command Create(AdminHost host) =>
        new("import", "Bring stories in from Markdown files, a Ghost export or a Folio export; importing again adds only what is new.")
        {
            Markdown(host), Ghost(host), Folio(host),
        };

    private static Command Markdown(AdminHost host)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder of .md files; subfolders are read too." };
        folder.AcceptExistingOnly();
        var command = new Command("markdown",
            "Import one story per .md file. YAML front matter: title, community (slug) and author (username) are required; "
            + "subtitle, tags (a list or one comma-separated line), date (2024-05-01 or ISO 8601; the publication date), "
            + "status (published, the default, or draft), slug, hero (image URL) and id (to keep a file's identity when it moves) are optional. "
            + "Authors must already have accounts (`user add`): a file by an unknown author is skipped. "
            + "Files over the editor's limits (title 120 characters, 5 tags, 200,000 characters) are skipped; a subtitle over 200 is cut. "
            + Report)
        {
            folder,
        };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => ReportAsync(context, "Importing Markdown", async progress =>
        {
            var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(context.Services);
            return (await importer.ImportAsync(parsed.GetRequiredValue(folder).FullName, progress, context.CancellationToken), null);
        }), cancellationToken));
        return command;
    }

    private static Command Ghost(AdminHost host)
    {
        var file = new Argument<FileInfo>("export.json") { Description = "The JSON file from Ghost's Settings → Labs → Export." };
        file.AcceptExistingOnly();
        var community = new Option<string>("--community") { Required = true, Description = "The slug of the community the posts go into." };
        var ghostUrl = new Option<string?>("--ghost-url")
        {
            Description = "The old Ghost site's address (https://blog.example.org), so its images and links keep working. "
                + "Without it they become paths on this site (/content/images/…), for files you copy over.",
        };
        ghostUrl.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                result.AddError("--ghost-url must be an http or https address, e.g. https://blog.example.org");
            }
        });
        var command = new Command("ghost",
            "Import a Ghost export's posts as stories with their dates, tags (the first five) and authors; pages are skipped. "
            + "The HTML becomes Markdown. Authors become accounts: the one with the same email, else a new creator account "
            + "named after the Ghost slug, with no password (its owner sets one with “Forgot password”). "
            + "Drafts, scheduled, email-only and members-only posts arrive as drafts. "
            + Report)
        {
            file, community, ghostUrl,
        };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => ReportAsync(context, "Importing from Ghost", progress =>
            ActivatorUtilities.CreateInstance<GhostImporter>(context.Services).ImportAsync(parsed.GetRequiredValue(file).FullName,
                parsed.GetRequiredValue(community), parsed.GetValue(ghostUrl), progress, context.CancellationToken)), cancellationToken));
        return command;
    }

    private static Command Folio(AdminHost host)
    {
        var file = new Argument<FileInfo>("export.json") { Description = "A file written by Folio's `export`." };
        file.AcceptExistingOnly();
        var command = new Command("folio",
            "Load a Folio export into this site, empty or not: communities (matched by slug), people (matched by email; new ones "
            + "get no password and sign in after “Forgot password”), and stories with their comments, insights, impressions, hearts "
            + "and reads; then subscriptions and community follows. What is already here is kept as it is. "
            + Report)
        {
            file,
        };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => ReportAsync(context, "Importing a Folio export", progress =>
            ActivatorUtilities.CreateInstance<SiteImporter>(context.Services).ImportAsync(parsed.GetRequiredValue(file).FullName,
                progress, context.CancellationToken)), cancellationToken));
        return command;
    }

    /// <summary>Runs an import behind a progress bar, then prints its report, or why it could not start.</summary>
    private static async Task<int> ReportAsync(AdminContext context, string description,
        Func<TransferProgress, Task<(ImportReport? Report, string? Problem)>> import)
    {
        var (report, problem) = await TransferProgress.ShowAsync(description, import);
        if (report is null)
        {
            return context.Fail(problem!);
        }

        report.WriteTo(context.Out);
        return 0;
    }
}
