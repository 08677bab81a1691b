using System.CommandLine;
using System.Globalization;
using Folio.Data;
using Folio.Features.ChallengeAdmin;
using Folio.Features.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Admin;

/// <summary>`challenge list`, `challenge add` and `challenge edit`: the same checks and audit entries as the admin pages, through <see cref="ChallengeEditor"/>.</summary>
public static class ChallengeCommands
{
    private const int ListLimit = 100;

    public static Command Create(AdminHost host) => new("challenge", "List, create and edit writing challenges.") { List(host), Add(host), Edit(host) };

    private static Command List(AdminHost host)
    {
        var limit = new Option<int>("--limit") { Description = $"At most this many, latest closing first (1–{ListLimit}).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "One line per challenge: slug, phase, opening and closing time (UTC), entries, title.") { limit };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ListLimit)
            {
                result.AddError($"Give --limit from 1 to {ListLimit}.");
            }
        });
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            var db = context.Get<FolioDb>();
            var now = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;
            var rows = await db.Challenges.AsNoTracking().OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id).Take(parsed.GetValue(limit))
                .Select(c => new { c.Slug, c.Title, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, Entries = db.ChallengeEntries.Count(e => e.ChallengeId == c.Id) })
                .ToListAsync(context.CancellationToken);
            foreach (var row in rows)
            {
                var phase = Challenge.PhaseOf(row.OpensAt, row.ClosesAt, row.ResultsPublishedAt, now).ToString().ToLowerInvariant();
                context.Out.WriteLine(string.Join('\t', row.Slug, phase, Utc(row.OpensAt), Utc(row.ClosesAt), row.Entries.ToString(CultureInfo.InvariantCulture), row.Title));
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Add(AdminHost host)
    {
        var options = new ChallengeOptions(creating: true);
        var command = new Command("add", "Create a challenge.");
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            if (await options.ReadAsync(parsed, context) is not { } fields)
            {
                return 1;
            }

            var result = await context.Get<ChallengeEditor>().CreateAsync(fields, CommandLineCreator, context.CancellationToken);
            return result.Succeeded
                ? context.Done($"created challenge {result.Challenge!.Slug} (/challenges/{result.Challenge.Slug})")
                : context.Fail(Problems(result));
        }, cancellationToken));
        return command;
    }

    private static Command Edit(AdminHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge to edit, by its slug." };
        var options = new ChallengeOptions(creating: false);
        var command = new Command("edit", "Change a challenge; options left out stay as they are.") { slug };
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            if (await options.ReadAsync(parsed, context) is not { } fields)
            {
                return 1;
            }

            var editor = context.Get<ChallengeEditor>();
            var challenge = await editor.FindAsync(parsed.GetRequiredValue(slug), context.CancellationToken);
            if (challenge is null)
            {
                return context.Fail($"no challenge answers at /challenges/{parsed.GetRequiredValue(slug)}");
            }

            var result = await editor.EditAsync(challenge, fields, context.CancellationToken);
            return result.Succeeded
                ? context.Done($"edited challenge {challenge.Slug} (/challenges/{challenge.Slug})")
                : context.Fail(Problems(result));
        }, cancellationToken));
        return command;
    }

    /// <summary>A challenge made on the command line has no account behind it; the audit log names the command line too.</summary>
    private const string CommandLineCreator = "command-line";

    /// <summary>One line per field to fix, named as its option: "--closes: The challenge must close after it opens."</summary>
    private static string Problems(ChallengeEdit result) =>
        string.Join(Environment.NewLine, result.Problems.Select(p => $"{ChallengeOptions.OptionName(p.Key)}: {p.Value}"));

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
