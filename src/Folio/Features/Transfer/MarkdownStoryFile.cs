using System.Globalization;
using Folio.Features.Labels;
using Folio.Shared.Markdown;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Folio.Features.Transfer;

/// <summary>
/// One story as a Markdown file with YAML front matter: title, subtitle, community, author, tags, date, status, slug,
/// hero, id, labels (made, warnings, warning_note), and series with series_part (its place in the author's series of
/// that title). Keys other tools write (layout, draft, description…) are read where they mean the same, else ignored.
/// </summary>
public sealed record MarkdownStoryFile(
    string? Id, string Title, string Subtitle, string Community, string Author, List<string> Tags,
    DateTime? Date, DateTime? Updated, bool Published, string? Slug, string? Hero, string Body, StoryLabelSet Labels,
    string? Series = null, int? SeriesPart = null)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>The story, or why the file can't be one.</summary>
    public static (MarkdownStoryFile? Story, string? Problem) Parse(string text)
    {
        if (FrontMatter.Split(text) is not { } matter)
        {
            return (null, "it has no YAML front matter between --- lines at the top");
        }

        Dictionary<string, object?> fields;
        try
        {
            fields = Yaml.Deserialize<Dictionary<string, object?>>(matter.Yaml) ?? [];
        }
        catch (YamlException invalid)
        {
            return (null, $"its front matter is not valid YAML (line {invalid.Start.Line}: {Innermost(invalid).Message})");
        }

        try
        {
            return (Read(fields, matter.Body), null);
        }
        catch (FormatException problem)
        {
            return (null, problem.Message);
        }
    }

    private static MarkdownStoryFile Read(Dictionary<string, object?> fields, string body)
    {
        string? Text(params string[] keys) => keys.Select(key => fields.GetValueOrDefault(key) switch
        {
            null => null,
            string value => value.Trim(),
            _ => throw new FormatException($"`{key}` must be a single value"),
        }).FirstOrDefault(value => !string.IsNullOrEmpty(value));

        var status = Text("status")?.ToLowerInvariant();
        var draft = Text("draft")?.ToLowerInvariant();
        var published = status switch
        {
            null => draft is not ("true" or "yes"),
            "published" => true,
            "draft" => false,
            _ => throw new FormatException($"status “{status}” is not draft or published"),
        };

        return new MarkdownStoryFile(
            Id: Text("id"),
            Title: Text("title") ?? throw new FormatException("it has no title (add `title: …` to the front matter)"),
            Subtitle: Text("subtitle", "description") ?? "",
            Community: Text("community") ?? throw new FormatException("it names no community (add `community: <slug>`)"),
            Author: Text("author") ?? throw new FormatException("it names no author (add `author: <username>`)"),
            Tags: ReadList(fields.GetValueOrDefault("tags"), "tags"),
            Date: ReadDate(Text("date"), "date"),
            Updated: ReadDate(Text("updated", "lastmod"), "updated"),
            Published: published,
            Slug: Text("slug"),
            Hero: Text("hero", "image"),
            Body: body.Trim() + "\n",
            Labels: ReadLabels(Text("made"), fields.GetValueOrDefault("warnings"), Text("warning_note")),
            Series: Text("series"),
            SeriesPart: ReadPart(Text("series_part")));
    }

    /// <summary>An unknown label is a mistake the file's writer can fix, so the file is skipped with the names Folio knows.</summary>
    private static StoryLabelSet ReadLabels(string? made, object? warnings, string? note)
    {
        var (labels, errors) = StoryLabelSet.Parse(made, ReadList(warnings, "warnings"), note);
        var keys = new Dictionary<string, string>
        {
            [nameof(StoryLabelSet.Making)] = "made", [nameof(StoryLabelSet.Warnings)] = "warnings", [nameof(StoryLabelSet.WarningNote)] = "warning_note",
        };
        return labels ?? throw new FormatException(string.Join(" ", errors.Select(e => $"`{keys[e.Key]}`: {e.Value}")));
    }

    private static List<string> ReadList(object? value, string key) => value switch
    {
        null => [],
        string names => [.. names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        List<object?> list when list.All(item => item is string) => [.. list.Cast<string>().Select(t => t.Trim())],
        _ => throw new FormatException($"`{key}` must be a list of names or one comma-separated line"),
    };

    private static int? ReadPart(string? text) => text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part is > 0 and <= Folio.Features.Series.SeriesRules.MaxParts ? part
        : throw new FormatException($"series_part “{text}” is not a part number (1 to {Folio.Features.Series.SeriesRules.MaxParts})");

    private static DateTime? ReadDate(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime
            : throw new FormatException($"{key} “{text}” is not a date (write 2024-05-01 or 2024-05-01T09:30:00Z)");
    }

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
}
