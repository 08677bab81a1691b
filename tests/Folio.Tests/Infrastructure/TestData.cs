using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Infrastructure;

/// <summary>Builds the data a test needs through the app's own entities and rules.</summary>
public sealed class TestData(FolioApp app)
{
    private static int _sequence;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence)}";

    public Task<Community> CommunityAsync(string? slug = null, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            slug ??= Unique("community");
            var community = new Community
            {
                Slug = slug,
                Name = name ?? $"Community {slug}",
                Tagline = $"Tagline of {slug}",
                Description = $"Description of {slug}.",
                AccentColor = "#2f6b45",
                LogoUrl = $"/demo/communities/earth.svg",
                CreatedAt = app.Clock.UtcNow,
            };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            return community;
        });

    public async Task<FolioUser> PersonAsync(string? username = null, string? displayName = null, string bio = "Writes things.")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        username ??= Unique("person");
        var user = new FolioUser
        {
            UserName = username,
            Email = $"{username}@test.example",
            DisplayName = displayName ?? $"Person {username}",
            Bio = bio,
            AvatarUrl = "/demo/avatars/maya.svg",
            JoinedAt = app.Clock.UtcNow.AddDays(-100),
        };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public Task<Story> StoryAsync(Community community, FolioUser author, string? title = null, string? body = null,
        DateTime? publishedAt = null, string[]? tags = null, StoryStatus status = StoryStatus.Published, string? subtitle = null) =>
        app.WithDbAsync(async db =>
        {
            title ??= Unique("Story title ");
            body ??= "A story body with **some** words in it.\n\n## A heading\n\n- one\n- two\n";
            var story = new Story
            {
                CommunityId = community.Id,
                AuthorId = author.Id,
                Title = title,
                Subtitle = subtitle ?? $"The subtitle of {title}",
                Slug = Shared.Slug.From(title),
                CreatedAt = app.Clock.UtcNow.AddDays(-1),
                UpdatedAt = app.Clock.UtcNow,
                Tags = await TagResolver.ResolveAsync(db, tags ?? []),
            };
            story.SetBody(body, StoryRenderer.Render(body));
            if (status == StoryStatus.Published)
            {
                story.Publish(publishedAt ?? app.Clock.UtcNow.AddHours(-1));
            }
            else if (status == StoryStatus.Pending)
            {
                story.SubmitForReview(app.Clock.UtcNow.AddHours(-1));
            }

            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story;
        });

    public Task<Comment> CommentAsync(Story story, FolioUser author, string body, Comment? parent = null, DateTime? at = null) =>
        app.WithDbAsync(async db =>
        {
            var comment = new Comment { StoryId = story.Id, AuthorId = author.Id, ParentId = parent?.Id, CreatedAt = at ?? app.Clock.UtcNow };
            comment.Write(body);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment;
        });

    public Task InsightsAsync(Story story, FolioUser reader, params InsightQuality[] qualities) =>
        app.WithDbAsync(async db =>
        {
            foreach (var quality in qualities)
            {
                db.ReaderInsights.Add(new ReaderInsight { StoryId = story.Id, ReaderId = reader.Id, Quality = quality, GivenAt = app.Clock.UtcNow });
            }

            await db.SaveChangesAsync();
        });

    public Task HeartAsync(Story story, FolioUser reader) =>
        app.WithDbAsync(async db =>
        {
            db.Hearts.Add(new Heart { StoryId = story.Id, ReaderId = reader.Id, GivenAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
}
