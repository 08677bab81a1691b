using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task SqliteMigrationsMatchTheModel()
    {
        using var app = new FolioApp();

        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task EveryMigrationIsAppliedAtStartUp()
    {
        using var app = new FolioApp();

        var unapplied = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());

        Assert.Empty(unapplied);
    }

    [Fact]
    public async Task TimesComeBackFromTheDatabaseAsUtc()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());

        var (createdAt, publishedAt) = await app.WithDbAsync(async db =>
        {
            var loaded = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == story.Id);
            return (loaded.CreatedAt, loaded.PublishedAt!.Value);
        });

        Assert.Equal(DateTimeKind.Utc, createdAt.Kind);
        Assert.Equal(DateTimeKind.Utc, publishedAt.Kind);
    }
}
