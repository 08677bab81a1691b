using Folio.Tests.Infrastructure;

namespace Folio.Tests.Admin;

public sealed class CommunityCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    private Task<FolioRun> AddAsync(string slug) =>
        _folio.RunAsync("community", "add", "--slug", slug, "--name", "Night Owls", "--tagline", "Stories written after dark.");

    [Fact]
    public async Task CommunityAddServesTheCommunityPage()
    {
        var run = await AddAsync("night-owls");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("created community night-owls (/night-owls)", run.Out.TrimEnd());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var page = await app.GetPageAsync("/night-owls");
        Assert.Equal("Night Owls", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Stories written after dark.", page.QuerySelector(".community-header .lead")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("explore", "is a page of the site")]
    [InlineData("forgot-password", "is a page of the site")]
    [InlineData("Night_Owls", "Community slugs are")]
    [InlineData("x", "Community slugs are")]
    public async Task CommunityAddRefusesReservedAndInvalidSlugs(string slug, string reason)
    {
        var run = await AddAsync(slug);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains(reason, run.Error);
        Assert.False(Directory.Exists(_folio.DataDirectory), "input is checked before the database is touched");
    }

    [Fact]
    public async Task CommunityAddWithATakenSlugFails()
    {
        Assert.Equal(0, (await AddAsync("night-owls")).ExitCode);

        var again = await AddAsync("night-owls");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Contains("already answers at /night-owls", again.Error);
    }
}
