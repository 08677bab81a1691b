using Folio.Tests.Infrastructure;

namespace Folio.Tests.QueryCost;

/// <summary>
/// Each page runs a fixed number of SQL commands however much the site holds: no query per story, comment, tag or
/// heart shown (N+1). Every page is asked once to warm up what the app loads once per process (data-protection keys),
/// then on a small site and again after it has grown to thirty stories; both must cost the same, and no more than the
/// page's bound. The output cache is off, or the second answer would cost nothing. One site serves every page, since
/// building it twice per page would cost minutes.
/// </summary>
public sealed class PageCommandCountTests : IDisposable
{
    // A page of story cards has one command for the challenge awards of all its cards together (AwardMarks).
    private static readonly (Persona Persona, string Url, int Most)[] Pages =
    [
        // Three of them the end of the story: read next (the community's newest sharing a tag, and its newest) and more from the creator; one its challenge award, if it placed.
        (Persona.Anonymous, "/rivers/the-weir", 12),
        (Persona.Reader, "/rivers/the-weir", 14), // two more than a visitor's: the account's row, for whether it may comment (AccountStandings) and its reading choices for read next and the "Show story" cover (CurrentReadingChoices) in one lookup (SignedInAccount); the bell; whether it hearted and saved the story comes with the hearts (StoryMarks)
        (Persona.Anonymous, "/", 4),
        (Persona.Reader, "/", 7), // more than a visitor's: the account's row, for the menu's standing check and their reading choices at once (SignedInAccount); the bell; which of the cards, Featured and Latest together, the reader saved (SavedMarks)
        (Persona.Anonymous, "/rivers", 5), // one for its pinned stories (Features/Pins)
        (Persona.Anonymous, "/tags/slow-living", 3),
        (Persona.Anonymous, "/authors/wren", 8), // one for the creator's series with a published part, one for the stories pinned to the profile
        (Persona.Anonymous, "/authors/wren?community=rivers", 7), // the series; pins are not asked on a filtered list
        // A part of a series: one command more for the series' readable parts, all of them at once; the subscribe button is one more for a reader.
        (Persona.Anonymous, "/rivers/the-ford", 13),
        (Persona.Reader, "/rivers/the-ford", 16), // as the-weir for a reader, and the series box's subscribe button
        (Persona.Anonymous, "/authors/wren/series/the-ford-and-after", 4),
        (Persona.Reader, "/authors/wren/series/the-ford-and-after", 6),
        (Persona.Anonymous, "/authors/wren/series/the-ford-and-after/feed.xml", 4),
        (Persona.Anonymous, "/explore", 9),
        (Persona.Reader, "/explore", 11), // their reading choices come with the account's row the menu reads (SignedInAccount); one SavedMarks query for the Top, Trending and Latest cards together
        (Persona.Anonymous, "/top", 4),
        (Persona.Reader, "/top", 7),
        (Persona.Anonymous, "/search?q=river", 7),
        (Persona.Reader, "/search?q=river", 10),
        (Persona.Anonymous, "/search?q=river&community=rivers&tag=slow-living", 9),
        (Persona.Anonymous, "/search", 4),
        (Persona.Anonymous, "/feed.xml", 3),
        (Persona.Anonymous, "/rivers/feed.atom", 4),
        (Persona.Anonymous, "/tags/slow-living/feed.xml", 4),
        (Persona.Anonymous, "/authors/wren/feed.xml", 5),
        (Persona.Anonymous, "/sitemap.xml", 5),
        (Persona.Anonymous, "/sitemaps/pages.xml", 2),
        (Persona.Anonymous, "/sitemaps/communities-1.xml", 2),
        (Persona.Anonymous, "/sitemaps/authors-1.xml", 2),
        (Persona.Anonymous, "/sitemaps/tags-1.xml", 2),
        (Persona.Anonymous, "/sitemaps/stories-1.xml", 2),
        (Persona.Anonymous, "/api/v1/stories", 3),
        (Persona.Anonymous, "/api/v1/stories/{story}", 4),
        (Persona.Anonymous, "/api/v1/stories/{story}/comments", 4),
        (Persona.Anonymous, "/comments/{comment}", 5),
        (Persona.Moderator, "/moderation", 9),
        (Persona.Reader, "/notifications", 6),
        (Persona.Reader, "/following", 6), // with which of the cards the reader saved (SavedMarks)
        (Persona.Reader, "/saved", 5),
        (Persona.Anonymous, "/ap/people/{wren}", 3), // the account, its links, its key
        (Persona.Anonymous, "/ap/people/{wren}/outbox", 2),
        (Persona.Anonymous, "/ap/people/{wren}/outbox?page=true", 3), // the account exists, the page's stories, their tags
        (Persona.Anonymous, "/ap/people/{wren}/outbox?page=true&before={story}", 4), // and where the page starts
        (Persona.Anonymous, "/ap/communities/{rivers}/outbox?page=true", 3),
        (Persona.Anonymous, "/ap/stories/{story}", 2),
        (Persona.Anonymous, "/ap/comments/{comment}", 1),
    ];

    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryPageRunsTheSameFewCommandsWhateverTheSiteHolds()
    {
        var site = await GrowingSite.CreateAsync(_app);
        var clients = new Dictionary<Persona, SignedInClient>();
        foreach (var persona in Pages.Select(p => p.Persona).Distinct())
        {
            clients[persona] = await _app.ClientForAsync(persona);
        }

        var small = new List<int>();
        foreach (var (persona, url, _) in Pages)
        {
            await _app.CommandsRunByAsync(clients[persona].Http, site.Resolve(url));
            small.Add((await _app.CommandsRunByAsync(clients[persona].Http, site.Resolve(url))).Count);
        }

        await site.GrowAsync(28);
        var problems = new List<string>();
        foreach (var ((persona, url, most), before) in Pages.Zip(small))
        {
            // Asked twice, as on the small site: the first page after a change may redo the rankings (two commands, whatever the size).
            await _app.CommandsRunByAsync(clients[persona].Http, site.Resolve(url));
            var commands = await _app.CommandsRunByAsync(clients[persona].Http, site.Resolve(url));
            if (commands.Count != before || commands.Count > most)
            {
                problems.Add($"{persona} {url}: {before} commands on 2 stories, {commands.Count} on 30 (at most {most}):\n{string.Join("\n--\n", commands)}");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(problems.Count == 0, string.Join("\n=====\n", problems));
    }
}
