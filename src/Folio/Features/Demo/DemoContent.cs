using System.Reflection;
using Folio.Shared.Markdown;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Folio.Features.Demo;

public sealed class DemoCommunity
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string Description { get; set; } = "";
    public string Accent { get; set; } = "";
    public string? Logo { get; set; }
}

public sealed class DemoPerson
{
    public string Username { get; set; } = "";
    public string Name { get; set; } = "";
    public string Bio { get; set; } = "";
    public string? Avatar { get; set; }
    public List<DemoLink> Links { get; set; } = [];
    public bool Reader { get; set; }
}

public sealed class DemoLink
{
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
}

public sealed class DemoStory
{
    public string File { get; set; } = "";
    public string Title { get; set; } = "";
    public string Subtitle { get; set; } = "";
    public string Community { get; set; } = "";
    public string Author { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public double DaysAgo { get; set; }
    public string? Hero { get; set; }

    /// <summary>Labels, by their slugs (Features/Labels/LabelNames): how it was made, its warnings and a note.</summary>
    public string? Making { get; set; }
    public List<string> Warnings { get; set; } = [];
    public string? WarningNote { get; set; }

    public List<DemoComment> Comments { get; set; } = [];
    public string Body { get; set; } = "";
}

public sealed class DemoComment
{
    public string Author { get; set; } = "";
    public double HoursAfter { get; set; }
    public string Body { get; set; } = "";
    public List<DemoComment> Replies { get; set; } = [];
}

/// <summary>Reads the demo communities, people and stories embedded from Features/Demo/Content.</summary>
public static class DemoContent
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static List<DemoCommunity> Communities() => Yaml.Deserialize<List<DemoCommunity>>(Read("demo/communities.yml"));

    public static List<DemoPerson> People() => Yaml.Deserialize<List<DemoPerson>>(Read("demo/creators.yml"));

    public static List<DemoStory> Stories() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("demo/stories/", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => ParseStory(name, Read(name)))
            .ToList();

    internal static DemoStory ParseStory(string file, string text)
    {
        var matter = FrontMatter.Split(text) ?? throw new InvalidDataException($"{file} has no YAML front matter between --- lines.");
        var story = Yaml.Deserialize<DemoStory>(matter.Yaml);
        story.File = file;
        story.Body = matter.Body.Trim() + "\n";
        return story;
    }

    private static Assembly Assembly => typeof(DemoContent).Assembly;

    private static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing demo resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
