using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

/// <summary>
/// One community, creator and tag with three Top stories that all say "zephyr": a plain one, an AI-generated one and one
/// warned for violence. Labels and choices are set in the database, as the editor and settings would leave them.
/// </summary>
public sealed record HiddenStories(Community Community, FolioUser Author, Story Plain, Story Generated, Story Violent)
{
    public const string Tag = "windward";
    public const string Word = "zephyr";

    public static async Task<HiddenStories> CreateAsync(FolioApp app)
    {
        var community = await app.Data.CommunityAsync(TestData.Unique("hiding"));
        var author = await app.Data.PersonAsync(TestData.Unique("labeller"));
        var body = $"A {Word} crossed the valley at dawn and nobody saw it go.";
        var now = app.Clock.UtcNow;
        var plain = await app.Data.StoryAsync(community, author, "Plain Weather Tale", body, now.AddHours(-3), [Tag]);
        var generated = await app.Data.StoryAsync(community, author, "Machine Weather Tale", body, now.AddHours(-2), [Tag]);
        var violent = await app.Data.StoryAsync(community, author, "Stormy Fight Tale", body, now.AddHours(-1), [Tag]);
        await app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => s.Id == generated.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Making, StoryMaking.AiGenerated));
            await db.Stories.Where(s => s.Id == violent.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Warnings, ContentWarnings.Violence | ContentWarnings.StrongLanguage));
            foreach (var story in await db.Stories.Where(s => s.CommunityId == community.Id).ToListAsync())
            {
                story.MarkTopStory("Worth it.", author.Id, now);
            }

            await db.SaveChangesAsync();
        });
        return new HiddenStories(community, author, plain, generated, violent);
    }

    public static Task ChooseAsync(FolioApp app, FolioUser reader, bool hideAiGenerated, ContentWarnings hidden) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.HideAiGenerated, hideAiGenerated)
            .SetProperty(u => u.HiddenWarnings, hidden)));

    /// <summary>The lists that show these stories, by the address a reader browses.</summary>
    public string Resolve(string url) => url
        .Replace("{community}", Community.Slug, StringComparison.Ordinal)
        .Replace("{author}", Author.UserName, StringComparison.Ordinal)
        .Replace("{plain}", StoryLinks.Path(Community.Slug, Plain.Slug), StringComparison.Ordinal);
}
