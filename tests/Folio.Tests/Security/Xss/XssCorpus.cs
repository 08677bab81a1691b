using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Security.Xss;

/// <summary>Where one payload went: its own community, creator, story, tag, comment and reply, and a draft of the victim's.</summary>
public sealed record Seeded(string Payload, string Community, string Username, int StoryId, string StoryPath, string? Tag, int ReplyId, int DraftId);

/// <summary>
/// One app for the whole corpus: every payload in payloads.txt put into every field a user controls, once. A victim
/// (signed in, with hostile profile fields of their own) has a draft per payload and a comment every payload's author answers.
/// </summary>
public sealed class XssCorpus : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Payloads = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "Xss", "payloads.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
        .Distinct()
        .ToList();

    // The API test reads three answers per payload, far over an anonymous visitor's per-minute allowance.
    public FolioApp App { get; } = new(settings: new Dictionary<string, string?> { ["Folio:Api:AnonymousRequestsPerMinute"] = "100000" });
    public List<Seeded> Seeds { get; } = [];
    public SignedInClient Victim { get; private set; } = null!;
    public SignedInClient Moderator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.PauseMailAsync();
        Victim = await App.ClientForAsync(Persona.Creator);
        Moderator = await App.ClientForAsync(Persona.Moderator);
        await App.WithDbAsync(async db =>
        {
            var victim = (await db.Users.FindAsync(Victim.User!.Id))!;
            victim.DisplayName = "\"><img src=x onerror=alert(1)>";
            victim.Bio = "</textarea><script>alert(1)</script>";
            victim.Links = [new SocialLink { Label = "\"><svg onload=alert(1)>", Url = "https://example.org/\"><script>alert(1)</script>" }];
            await db.SaveChangesAsync();
        });

        for (var i = 0; i < Payloads.Count; i++)
        {
            Seeds.Add(await SeedAsync(i, Payloads[i]));
        }
    }

    private async Task<Seeded> SeedAsync(int i, string payload)
    {
        var author = await CreatorAsync($"xss{i}", payload);
        var (community, story, tag, draft) = await App.WithDbAsync(async db =>
        {
            var community = new Community
            {
                Slug = $"xss-{i}", Name = Fit(payload, 80), Tagline = Fit(payload, 160), Description = payload, CreatedAt = App.Clock.UtcNow,
            };
            db.Communities.Add(community);
            var tags = await TagResolver.ResolveAsync(db, [Fit(payload, 40)]);
            var story = Story(community, author.Id, payload, tags);
            story.Publish(App.Clock.UtcNow.AddMinutes(-i));
            var draft = Story(community, Victim.User!.Id, payload, []);
            draft.SubmitForReview(App.Clock.UtcNow.AddMinutes(-i));
            db.Stories.AddRange(story, draft);
            await db.SaveChangesAsync();
            return (community, story, tags.FirstOrDefault()?.Slug, draft);
        });

        var victimsComment = await App.Data.CommentAsync(story, Victim.User!, "A comment of the victim's, answered below.");
        var reply = await App.Data.CommentAsync(story, author, payload, parent: victimsComment);
        await App.NotifyAsync(story.Id, (notifier, loaded) => notifier.CommentAddedAsync(reply, loaded));
        return new Seeded(payload, community.Slug, author.UserName!, story.Id, $"/{community.Slug}/{story.Slug}", tag, reply.Id, draft.Id);
    }

    private Story Story(Community community, string authorId, string payload, List<Tag> tags)
    {
        var story = new Story
        {
            Community = community,
            AuthorId = authorId,
            Title = Fit(payload, 120),
            Subtitle = Fit(payload, 200),
            Slug = authorId == Victim.User!.Id ? "draft" : "story",
            CreatedAt = App.Clock.UtcNow.AddDays(-1),
            UpdatedAt = App.Clock.UtcNow,
            Tags = tags,
        };
        story.SetBody(payload, StoryRenderer.Render(payload));
        return story;
    }

    private async Task<FolioUser> CreatorAsync(string username, string payload)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        var user = new FolioUser
        {
            UserName = username,
            Email = $"{username}@test.example",
            DisplayName = Fit(payload, 80),
            Bio = Fit(payload, 1000),
            Links = [new SocialLink { Label = Fit(payload, 40), Url = "https://example.org/" + Uri.EscapeDataString(Fit(payload, 300)) }],
            JoinedAt = App.Clock.UtcNow.AddDays(-100),
        };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>The payload cut to a field's length, the way a form would refuse anything longer.</summary>
    public static string Fit(string payload, int length) => payload.Length <= length ? payload : payload[..length];

    public Task DisposeAsync()
    {
        Victim.Dispose();
        Moderator.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
