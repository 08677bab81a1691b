using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Demo;

/// <summary>Fills a new, empty database with Folio's own demo content; a database with anything in it is left alone.</summary>
public sealed class DemoSeeder(FolioDb db, UserManager<FolioUser> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Communities.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var communities = DemoContent.Communities().ToDictionary(c => c.Slug, c => new Community
        {
            Slug = c.Slug,
            Name = c.Name,
            Tagline = c.Tagline,
            Description = c.Description,
            AccentColor = c.Accent,
            LogoUrl = c.Logo,
            CreatedAt = now.AddDays(-720),
        });
        db.Communities.AddRange(communities.Values);

        var people = new Dictionary<string, FolioUser>();
        foreach (var (person, index) in DemoContent.People().Select((p, i) => (p, i)))
        {
            var user = new FolioUser
            {
                UserName = person.Username,
                Email = $"{person.Username}@demo.folio.example",
                EmailConfirmed = true,
                DisplayName = person.Name,
                Bio = person.Bio,
                AvatarUrl = person.Avatar,
                JoinedAt = now.AddDays(-700 + 20 * index),
                Links = person.Links.Select(l => new SocialLink { Label = l.Label, Url = l.Url }).ToList(),
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {person.Username}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRolesAsync(user, person.Reader ? [Roles.Reader] : [Roles.Reader, Roles.Creator]);
            people[person.Username] = user;
        }

        var stories = new List<Story>();
        foreach (var demo in DemoContent.Stories())
        {
            stories.Add(await AddStoryAsync(demo, communities, people, now, cancellationToken));
        }

        DemoEngagement.Add(db, stories, people.Values.ToList(), now);
        DemoSeries.Add(db, people, stories, now);
        DemoPins.Add(stories, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoChallenges.AddAsync(db, communities, people, stories, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded demo content: {Communities} communities, {People} people, {Stories} stories",
            communities.Count, people.Count, stories.Count);
    }

    private async Task<Story> AddStoryAsync(DemoStory demo, Dictionary<string, Community> communities,
        Dictionary<string, FolioUser> people, DateTime now, CancellationToken cancellationToken)
    {
        var publishedAt = now.AddDays(-demo.DaysAgo);
        var story = new Story
        {
            Community = communities[demo.Community],
            AuthorId = people[demo.Author].Id,
            Title = demo.Title,
            Subtitle = demo.Subtitle,
            Slug = Shared.Slug.From(demo.Title),
            HeroImageUrl = demo.Hero,
            CreatedAt = publishedAt.AddDays(-2),
            UpdatedAt = publishedAt,
            Tags = await TagResolver.ResolveAsync(db, demo.Tags, cancellationToken),
        };
        story.SetBody(demo.Body, StoryRenderer.Render(demo.Body));
        var (labels, errors) = StoryLabelSet.Parse(demo.Making, demo.Warnings, demo.WarningNote);
        story.Label(labels ?? throw new InvalidDataException($"{demo.File}: {string.Join(" ", errors.Values)}"));
        story.Publish(publishedAt);
        db.Stories.Add(story);
        AddComments(story, demo.Comments, parent: null, people, publishedAt, now);
        return story;
    }

    private void AddComments(Story story, List<DemoComment> demos, Comment? parent,
        Dictionary<string, FolioUser> people, DateTime publishedAt, DateTime now)
    {
        foreach (var demo in demos)
        {
            var comment = new Comment
            {
                Story = story,
                AuthorId = people[demo.Author].Id,
                Parent = parent,
                CreatedAt = Min(publishedAt.AddHours(demo.HoursAfter), now),
            };
            comment.Write(demo.Body.Trim());
            db.Comments.Add(comment);
            AddComments(story, demo.Replies, comment, people, publishedAt, now);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
