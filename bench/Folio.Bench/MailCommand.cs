using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Folio.Data;
using Folio.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace Folio.Bench;

/// <summary>
/// `mail`: queues emails through Folio's own MailQueue, as a newsletter is queued (one stored content, a row per
/// recipient), then waits until a Folio serving the same database has sent them all, and prints how fast that was.
/// </summary>
public static class MailCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Emails to queue.", DefaultValueFactory = _ => 2_000 };
        var database = new Option<DatabaseProvider>("--database") { Description = "sqlite or postgres.", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (for --database postgres)." };
        var dataDirectory = new Option<string>("--data-directory") { Description = "Folio's data directory.", DefaultValueFactory = _ => "data" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the queue to empty.", DefaultValueFactory = _ => 1_800 };
        var command = new Command("mail", "Queue emails through Folio's MailQueue and time a running Folio sending them all.")
        {
            count, database, connection, dataDirectory, timeout,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var emails = parsed.GetValue(count);
            if (emails < 1)
            {
                Console.Error.WriteLine("Give --count 1 or more.");
                return 2;
            }

            var target = new TargetDatabase(parsed.GetValue(database), parsed.GetValue(connection), parsed.GetRequiredValue(dataDirectory));
            await using var folio = await target.OpenFolioAsync();
            var seconds = await QueueAndWaitAsync(folio.Services, emails, TimeSpan.FromSeconds(parsed.GetValue(timeout)), cancellationToken);
            if (seconds is null)
            {
                Console.Error.WriteLine($"The queue was not empty after {parsed.GetValue(timeout)} s.");
                return 1;
            }

            // One line for bench/run to read: emails, seconds, emails a second.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAIL emails={emails} seconds={seconds:0.00} per_second={emails / seconds:0.0}"));
            return 0;
        });
        return command;
    }

    private static async Task<double?> QueueAndWaitAsync(IServiceProvider folio, int emails, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var scope = folio.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var content = new EmailContent { Subject = "A new story for you", Text = "A new story.\n\nUnsubscribe: " };
        content.Text += content.RecipientMarker;
        content.Html = $"<p>A new story.</p><p><a href=\"{content.RecipientMarker}\">Unsubscribe</a></p>";
        var recipients = Enumerable.Range(1, emails)
            .Select(n => new EmailRecipient($"reader{n}@bench.example", $"Reader {n}", UnsubscribeUrl: $"https://bench.example/unsubscribe/{n}"));
        scope.ServiceProvider.GetRequiredService<MailQueue>().Enqueue(content, recipients, EmailKind.NewStory);
        await db.SaveChangesAsync(cancellationToken);

        // From the moment they are stored: the serving Folio polls often (bench/run sets its PollInterval).
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!await db.QueuedEmails.AnyAsync(e => e.SentAt == null, cancellationToken))
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(50, cancellationToken);
        }

        return null;
    }
}
