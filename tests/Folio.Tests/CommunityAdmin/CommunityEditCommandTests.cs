using Folio.Features.Audit;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.CommunityAdmin;

public sealed class CommunityEditCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly string _logo = Path.Combine(Path.GetTempPath(), $"folio-logo-{Guid.NewGuid():N}.png");

    public void Dispose()
    {
        _folio.Dispose();
        File.Delete(_logo);
    }

    [Fact]
    public async Task AddBrandsACommunityAndEditRenamesAndArchivesIt()
    {
        await File.WriteAllBytesAsync(_logo, SettingsForms.Picture(300, 300));

        var add = await _folio.RunAsync("community", "add", "--slug", "night-owls", "--name", "Night Owls",
            "--logo", _logo, "--accent", "#1a2b3c", "--description", "For the sleepless.");
        var edit = await _folio.RunAsync("community", "edit", "--slug", "night-owls", "--new-slug", "owls", "--name", "Owls",
            "--tagline", "After dark.", "--archive");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("edited community owls (/owls)", edit.Out.TrimEnd());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var community = await app.WithDbAsync(db => db.Communities.SingleAsync());
        Assert.Equal(("owls", "Owls", "After dark.", "For the sleepless.", "#1a2b3c", true),
            (community.Slug, community.Name, community.Tagline, community.Description, community.AccentColor, community.IsArchived));
        Assert.StartsWith("/media/communities/", community.LogoUrl);
        Assert.True(File.Exists(Path.Combine(_folio.DataDirectory, "media", "communities", Path.GetFileName(community.LogoUrl!))));
        var entries = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorName }).ToListAsync());
        Assert.Equal([AuditActions.CommunityArchive, AuditActions.CommunityCreate, AuditActions.CommunityEdit], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.Equal(AuditLog.CommandLineActor, e.ActorName));
    }

    [Theory]
    [InlineData("--accent", "#ffcc00", "4.5:1")]
    [InlineData("--accent", "orange", "#rrggbb")]
    [InlineData("--new-slug", "Bad Slug", "Community slugs are")]
    public async Task EditRefusesBadValuesBeforeTouchingTheDatabase(string option, string value, string reason)
    {
        var run = await _folio.RunAsync("community", "edit", "--slug", "night-owls", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(reason, run.Error);
        Assert.False(Directory.Exists(_folio.DataDirectory), "input is checked before the database is touched");
    }

    [Fact]
    public async Task EditRefusesASvgLogoAndAMissingCommunity()
    {
        await File.WriteAllTextAsync(_logo, """<svg xmlns="http://www.w3.org/2000/svg"></svg>""");
        Assert.Equal(0, (await _folio.RunAsync("community", "add", "--slug", "night-owls", "--name", "Night Owls")).ExitCode);

        var svg = await _folio.RunAsync("community", "edit", "--slug", "night-owls", "--logo", _logo);
        var missing = await _folio.RunAsync("community", "edit", "--slug", "nowhere", "--name", "X");

        Assert.NotEqual(0, svg.ExitCode);
        Assert.Contains("SVG logos aren’t accepted", svg.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no community answers at /nowhere", missing.Error);
    }
}
