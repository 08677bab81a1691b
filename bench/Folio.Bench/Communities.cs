using Folio.Features.Communities;

namespace Folio.Bench;

public static class Communities
{
    private static readonly string[] Names =
    [
        "Fiction", "Poetry", "Families", "Travel", "Feast", "Humans", "Longform", "Futurism", "Filthy", "Lifehack",
        "Beat", "Geeks", "Earth", "Psyche", "Motivation", "Journal", "Wander", "Potluck", "Unbalanced", "Chapters",
        "Gardens", "Rivers", "Night Shift", "Small Towns", "Field Notes", "Kitchen Table", "Old Photos", "Letters Home",
        "Slow Living", "City Walks", "Work Life", "Second Acts", "First Person", "The Archive", "Rain and Shine",
        "Soundtracks", "Craft", "Teachers", "Neighbours", "Harbour", "Orchard", "Lanterns", "Crossings", "Workshop",
        "Threads", "Keepsakes", "Margins", "Daybook", "Northern Lights", "Common Ground",
    ];

    private static readonly string[] Accents = ["#3d5560", "#7a3e48", "#2f5d50", "#5b4a86", "#8a5a1f", "#1f5a8a"];

    public static List<Community> Create(int count, DateTime until)
    {
        var communities = new List<Community>(count);
        for (var i = 0; i < count; i++)
        {
            var name = i < Names.Length ? Names[i] : $"{Names[i % Names.Length]} {i / Names.Length + 1}";
            communities.Add(new Community
            {
                Slug = Shared.Slug.From(name),
                Name = name,
                Tagline = $"Stories from {name.ToLowerInvariant()}, written slowly.",
                Description = $"{name} is where writers share what they found, made and lived. Be kind, be specific.",
                AccentColor = Accents[i % Accents.Length],
                CreatedAt = until.AddYears(-4).AddDays(i),
            });
        }

        return communities;
    }
}
