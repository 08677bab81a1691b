using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Folio.Data;
using Folio.Features.Newsletters;
using Folio.Features.Stories;
using Folio.Features.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Bench;

/// <summary>
/// `mail`: publishes a story to N subscribers the way publishing does (an announcement for the serving Folio to fan out
/// into a stored email per reader), then waits until that Folio has sent them all, and prints how fast both were.
/// </summary>
public static class MailCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Subscribers, so emails, to publish a story to.", DefaultValueFactory = _ => 2_000 };
        var database = new Option<DatabaseProvider>("--database") { Description = "sqlite or postgres.", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (for --database postgres)." };
        var dataDirectory = new Option<string>("--data-directory") { Description = "Folio's data directory.", DefaultValueFactory = _ => "data" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the queue to empty.", DefaultValueFactory = _ => 1_800 };
        var command = new Command("mail", "Publish a story to N subscribers and time a running Folio queuing and sending their emails.")
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
            var times = await PublishAndWaitAsync(folio.Services, emails, TimeSpan.FromSeconds(parsed.GetValue(timeout)), cancellationToken);
            if (times is not { } done)
            {
                Console.Error.WriteLine($"The queue was not empty after {parsed.GetValue(timeout)} s.");
                return 1;
            }

            // One line for bench/run to read: emails, seconds until all were queued, until all were sent, and the sending rate.
            var sending = done.Sent - done.FanOut;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MAIL emails={emails} fan_out={done.FanOut:0.00} seconds={done.Sent:0.00} per_second={emails / sending:0.0}"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// N confirmed readers subscribed to one creator, whose story is then published and announced as publishing does;
    /// times the serving Folio's fan-out (until every reader's email is queued) and its sending (until none is unsent).
    /// </summary>
    private static async Task<(double FanOut, double Sent)?> PublishAndWaitAsync(IServiceProvider folio, int readers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var scope = folio.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var now = DateTime.UtcNow;
        var people = People.Create(readers + 1, creators: 1, until: now, new Random(16));
        var creator = people[0];
        var community = Communities.Create(1, now)[0];
        db.Users.AddRange(people);
        db.Communities.Add(community);
        db.Subscriptions.AddRange(people.Skip(1).Select(reader => new Subscription { SubscriberId = reader.Id, CreatorId = creator.Id, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);

        const string Body = "The river rose in the night.\n\nBy morning the lower field was a lake, and the herons had found it first.";
        var story = new Story { CommunityId = community.Id, AuthorId = creator.Id, Title = "High Water", Subtitle = "A field that became a lake", Slug = "high-water", CreatedAt = now, UpdatedAt = now };
        story.SetBody(Body, StoryRenderer.Render(Body));
        story.Publish(now);
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);

        // What publishing stores: the announcement a serving Folio's worker fans out (bench/run polls it often).
        db.StoryAnnouncements.Add(new StoryAnnouncement { StoryId = story.Id, SiteOrigin = "https://bench.example", CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        double? fanOut = null;
        while (clock.Elapsed < timeout)
        {
            fanOut ??= await db.QueuedEmails.CountAsync(e => e.StoryId == story.Id, cancellationToken) >= readers ? clock.Elapsed.TotalSeconds : null;
            if (fanOut is not null && !await db.QueuedEmails.AnyAsync(e => e.SentAt == null, cancellationToken))
            {
                return (fanOut.Value, clock.Elapsed.TotalSeconds);
            }

            await Task.Delay(50, cancellationToken);
        }

        return null;
    }
}
