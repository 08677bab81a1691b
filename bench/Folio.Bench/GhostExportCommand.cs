using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Folio.Bench;

/// <summary>
/// `ghost-export`: writes a Ghost JSON export (the shape Ghost's Settings → Labs → Export writes) of generated posts, to
/// measure `import ghost` at size. Bodies are the generator's stories rendered by Folio's StoryRenderer; written as a
/// stream, so a file of any size is made in little memory.
/// </summary>
public static class GhostExportCommand
{
    public static Command Create()
    {
        var posts = new Option<int>("--posts") { Description = "Posts to write.", DefaultValueFactory = _ => 100_000 };
        var authors = new Option<int>("--authors") { Description = "Staff users who wrote them.", DefaultValueFactory = _ => 200 };
        var tags = new Option<int>("--tags") { Description = "Tags, up to 3 a post.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same file.", DefaultValueFactory = _ => 12 };
        var output = new Option<FileInfo>("--output") { Description = "The file to write.", Required = true };
        var command = new Command("ghost-export", "Write a Ghost JSON export of generated posts, to measure `import ghost`.")
        {
            posts, authors, tags, seed, output,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (postCount, authorCount, tagCount) = (parsed.GetValue(posts), parsed.GetValue(authors), parsed.GetValue(tags));
            if (postCount < 1 || authorCount < 1 || tagCount < 3)
            {
                Console.Error.WriteLine("Give at least 1 post, 1 author and 3 tags.");
                return 2;
            }

            await WriteAsync(parsed.GetRequiredValue(output).FullName, postCount, authorCount, tagCount, parsed.GetValue(seed), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task WriteAsync(string path, int postCount, int authorCount, int tagCount, int seed, CancellationToken cancellationToken)
    {
        var vocabulary = new Vocabulary(seed);
        var text = new StoryText(vocabulary);
        var random = new Random(seed);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var file = File.Create(path);
        // Unescaped as Ghost writes it: HTML stays readable, and the file its real size.
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("db");
        json.WriteStartObject();
        json.WriteStartObject("meta");
        json.WriteNumber("exported_on", 1_700_000_000_000);
        json.WriteString("version", "5.75.0");
        json.WriteEndObject();
        json.WriteStartObject("data");

        json.WriteStartArray("posts");
        for (var first = 0; first < postCount; first += 1_000)
        {
            var drafts = text.WriteRendered(first, Math.Min(1_000, postCount - first), n => SitePlan.StoryStreamOf(seed, n));
            for (var i = 0; i < drafts.Length; i++)
            {
                var n = first + i;
                var at = Stamp(start.AddMinutes(n * 15.0));
                json.WriteStartObject();
                json.WriteString("id", $"p{n}");
                json.WriteString("uuid", $"00000000-0000-4000-8000-{n:D12}");
                json.WriteString("title", drafts[i].Draft.Title);
                json.WriteString("slug", $"post-{n}");
                json.WriteString("lexical", "{\"root\":{}}");
                json.WriteString("html", drafts[i].Rendered.Html);
                json.WriteString("custom_excerpt", drafts[i].Draft.Subtitle);
                json.WriteString("type", "post");
                json.WriteString("status", n % 20 == 7 ? "draft" : "published");
                json.WriteString("visibility", "public");
                json.WriteString("created_at", at);
                json.WriteString("updated_at", at);
                json.WriteString("published_at", at);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();

        WriteObjects(json, "users", authorCount, a => [("id", $"u{a}"), ("name", $"Writer {a}"), ("slug", $"writer-{a}"),
            ("email", $"writer{a}@ghost.example"), ("created_at", Stamp(start))]);
        WriteObjects(json, "tags", tagCount, t => [("id", $"t{t}"), ("name", $"{vocabulary.Ranked(60 + t)} {t}"), ("slug", $"tag-{t}"), ("visibility", "public")]);

        var byPopularity = new Zipf(tagCount, 1.0);
        json.WriteStartArray("posts_tags");
        for (var n = 0; n < postCount; n++)
        {
            foreach (var (tag, order) in Enumerable.Range(0, 3).Select(_ => byPopularity.Next(random)).Distinct().Select((t, i) => (t, i)))
            {
                json.WriteStartObject();
                json.WriteString("post_id", $"p{n}");
                json.WriteString("tag_id", $"t{tag}");
                json.WriteNumber("sort_order", order);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();

        var byWriter = new Zipf(authorCount, 0.7);
        json.WriteStartArray("posts_authors");
        for (var n = 0; n < postCount; n++)
        {
            json.WriteStartObject();
            json.WriteString("post_id", $"p{n}");
            json.WriteString("author_id", $"u{byWriter.Next(random)}");
            json.WriteNumber("sort_order", 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An array member of <paramref name="count"/> objects of string members.</summary>
    private static void WriteObjects(Utf8JsonWriter json, string name, int count, Func<int, (string Name, string Value)[]> members)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            foreach (var (member, value) in members(i))
            {
                json.WriteString(member, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
