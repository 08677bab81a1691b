using System.CommandLine;
using Folio.Data;

namespace Folio.Bench;

/// <summary>`generate`: fills an empty Folio database with a deterministic site of a chosen size.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var stories = new Option<int>("--stories") { Description = "Stories to generate.", DefaultValueFactory = _ => SiteSize.DefaultStories };
        var communities = Count("--communities", "Communities (default: stories / 20, 5 to 50).");
        var tags = Count("--tags", "Tags, 3 per story (default: stories / 20).");
        var people = Count("--people", "Accounts (default: stories / 5).");
        var creators = Count("--creators", "How many of the accounts write (default: people / 10).");
        var comments = Count("--comments", "Comments (default: 5 per story).");
        var hearts = Count("--hearts", "Hearts (default: 3 per story).");
        var insights = Count("--insights", "Reader insights (default: 2 per story).");
        var readDays = Count("--read-days", "Story read days, the daily read counts (default: 3 per story).");
        var subscriptions = Count("--subscriptions", "Readers subscribed to creators (default: one per person).");
        var bodyScale = new Option<double>("--body-scale")
        {
            Description = "Body length as a share of the realistic one (300–2,500 words, most near 1,000): 0.2 for a million stories on a small disk.",
            DefaultValueFactory = _ => 1,
        };
        var seed = new Option<int>("--seed") { Description = "The same seed and date give the same site.", DefaultValueFactory = _ => 12 };
        var until = new Option<DateOnly?>("--until") { Description = "The newest story's day (default: today, UTC)." };
        var database = new Option<DatabaseProvider>("--database") { Description = "sqlite or postgres.", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (for --database postgres)." };
        var dataDirectory = new Option<string>("--data-directory") { Description = "Folio's data directory: the SQLite file and bench-site.json go here.", DefaultValueFactory = _ => "data" };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per transaction.", DefaultValueFactory = _ => 2_000 };

        var command = new Command("generate", "Fill an empty Folio database with a generated site, then print what it holds.")
        {
            stories, communities, tags, people, creators, comments, hearts, insights, readDays, subscriptions,
            bodyScale, seed, until, database, connection, dataDirectory, batchSize,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var storyCount = parsed.GetValue(stories);
            var peopleCount = parsed.GetValue(people) ?? SiteSize.DefaultPeople(storyCount);
            var size = new SiteSize(
                storyCount,
                parsed.GetValue(communities) ?? SiteSize.DefaultCommunities(storyCount),
                parsed.GetValue(tags) ?? SiteSize.DefaultTags(storyCount),
                peopleCount,
                parsed.GetValue(creators) ?? SiteSize.DefaultCreators(peopleCount),
                parsed.GetValue(comments) ?? SiteSize.DefaultComments(storyCount),
                parsed.GetValue(hearts) ?? SiteSize.DefaultHearts(storyCount),
                parsed.GetValue(insights) ?? SiteSize.DefaultInsights(storyCount),
                parsed.GetValue(readDays) ?? SiteSize.DefaultReadDays(storyCount),
                parsed.GetValue(subscriptions) ?? SiteSize.DefaultSubscriptions(peopleCount));
            if (parsed.GetValue(bodyScale) is <= 0 or > 10)
            {
                Console.Error.WriteLine("--body-scale is a share of the realistic length, more than 0 and at most 10.");
                return 2;
            }

            if (size.Stories < 1 || size.Communities < 1 || size.Tags < 3 || size.Creators < 1 || size.People < size.Creators)
            {
                Console.Error.WriteLine("Give at least 1 story, 1 community, 3 tags and 1 creator, and no more creators than people.");
                return 2;
            }

            var target = new TargetDatabase(parsed.GetValue(database), parsed.GetValue(connection), parsed.GetRequiredValue(dataDirectory));
            var plan = new SitePlan(size, parsed.GetValue(seed), parsed.GetValue(until) ?? DateOnly.FromDateTime(DateTime.UtcNow), parsed.GetValue(bodyScale));
            return await SiteGenerator.RunAsync(target, plan, parsed.GetValue(batchSize), cancellationToken);
        });
        return command;
    }

    private static Option<int?> Count(string name, string description) => new(name) { Description = description };
}
