using System.Text.RegularExpressions;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;

namespace Folio.Tests.QueryCost;

/// <summary>
/// A reader who hides stories pages the long lists without counting what they see: a COUNT of every published story
/// they have not hidden (the whole site, on the home page) would cost more than the page. Their page runs no more
/// commands than another reader's.
/// </summary>
public sealed partial class ReadingChoicesCommandTests : IDisposable
{
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/{community}")]
    [InlineData("/tags/" + HiddenStories.Tag)]
    public async Task AReaderWhoHidesStoriesGetsTheListWithoutACountOfIt(string list)
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var hider = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, hider.User!, hideAiGenerated: true, ContentWarnings.Violence);
        var url = site.Resolve(list);

        // Asked twice each: the first request of a process loads what it keeps (data-protection keys, the rankings).
        await _app.CommandsRunByAsync(hider.Http, url);
        var hiders = await _app.CommandsRunByAsync(hider.Http, url);
        await _app.CommandsRunByAsync(other.Http, url);
        var others = await _app.CommandsRunByAsync(other.Http, url);

        Assert.DoesNotContain(hiders, command => CountOfVisibleStories().IsMatch(command.Sql));
        Assert.True(hiders.Count <= others.Count, $"{hiders.Count} commands for the reader who hides stories, {others.Count} for another:\n"
            + string.Join("\n--\n", hiders));
    }

    // A command that is a count of stories filtered by the reader's choices (hiding AI-generated ones). A card's
    // comment count is a subquery inside the page's SELECT, and the bell counts notifications, unfiltered.
    [GeneratedRegex(@"\A\s*SELECT\s+count\(\*\)[\s\S]*""Making""\s*<>", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfVisibleStories();
}
