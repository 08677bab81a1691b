using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Series;
using Folio.Features.Stories;

namespace Folio.Features.Demo;

/// <summary>One series for the demo site: Priya's recipes from home, three parts the demo already has, in the order they are cooked.</summary>
public static class DemoSeries
{
    public const string Slug = "recipes-from-home";

    private static readonly string[] Parts =
    [
        "The Dal My Grandmother Refused to Write Down",
        "Rasam for a Cold Flat",
        "Lemon Rice, Packed for the Journey",
    ];

    public static void Add(FolioDb db, IReadOnlyDictionary<string, FolioUser> people, IReadOnlyList<Story> stories, DateTime now)
    {
        var series = new StorySeries
        {
            AuthorId = people["priya"].Id,
            Title = "Recipes from Home",
            Slug = Slug,
            Description = "Three dishes from my family's kitchen, written down at last: the dal nobody measured, the rasam for cold evenings, and the lemon rice that travels.",
            CreatedAt = now.AddDays(-60),
            UpdatedAt = now.AddDays(-1),
        };
        db.Series.Add(series);
        foreach (var (title, position) in Parts.Select((t, i) => (t, i + 1)))
        {
            var story = stories.Single(s => s.Title == title);
            story.Series = series;
            story.SeriesPosition = position;
        }
    }
}
