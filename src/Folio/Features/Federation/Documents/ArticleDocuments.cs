using System.Net;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Api;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Documents;

/// <summary>What an Article is made of, read in one query for one story or a page of them.</summary>
public sealed record ArticleSource(
    int Id, string AuthorId, int CommunityId, string CommunitySlug, string Slug, string Title, string Subtitle, string BodyHtml,
    DateTime PublishedAt, DateTime UpdatedAt, string? HeroImageUrl, string? HeroAltText, IReadOnlyList<ArticleTag> Tags, StoryLabelSet Labels);

public sealed record ArticleTag(string Slug, string Name);

/// <summary>
/// A published story as an ActivityPub Article, the object of the Person's Create and the Group's Announce. Needs no
/// request: a background service calls <see cref="ForStoryAsync"/> from a scope of its own (ids then come from
/// Folio:Site:BaseUrl), or <see cref="Build"/> with sources it read through <see cref="Sources"/>.
/// </summary>
public sealed class ArticleDocuments(FolioDb db, FederationUrls ids, SiteUrls site)
{
    /// <summary>
    /// The Article of a published story; null when there is no such story, readers can't see it, or its creator keeps
    /// their stories off the fediverse.
    /// </summary>
    public async Task<JsonObject?> ForStoryAsync(int storyId, CancellationToken cancellationToken)
    {
        var source = await Sources(db.Stories.Where(s => s.Id == storyId && !s.Author.FederationOff)).FirstOrDefaultAsync(cancellationToken);
        return source is null ? null : Build(source);
    }

    /// <summary>The published ones of <paramref name="stories"/>, as Article sources, in their order.</summary>
    public static IQueryable<ArticleSource> Sources(IQueryable<Story> stories) =>
        stories.AsNoTracking().Published().Select(s => new ArticleSource(
            s.Id, s.AuthorId, s.CommunityId, s.Community.Slug, s.Slug, s.Title, s.Subtitle, s.BodyHtml, s.PublishedAt!.Value, s.UpdatedAt,
            s.HeroImageUrl, s.HeroAltText, s.Tags.OrderBy(t => t.Name).Select(t => new ArticleTag(t.Slug, t.Name)).ToList(),
            new StoryLabelSet(s.Making, s.Warnings, s.WarningNote)));

    public JsonObject Build(ArticleSource story)
    {
        var person = ids.Person(story.AuthorId);
        var article = new JsonObject
        {
            ["@context"] = ActivityStreams.Context,
            ["id"] = ids.Article(story.Id),
            ["type"] = "Article",
            ["attributedTo"] = person,
            ["audience"] = ids.Group(story.CommunityId),
            ["name"] = story.Title,
            ["summary"] = WebUtility.HtmlEncode(story.Subtitle),
            ["content"] = AbsoluteLinks.In(story.BodyHtml, site.Origin),
            ["mediaType"] = "text/html",
            ["url"] = site.Absolute(StoryLinks.Path(story.CommunitySlug, story.Slug)),
            ["published"] = ActorDocuments.Time(story.PublishedAt),
            ["to"] = new JsonArray(ActivityStreams.Public),
            ["cc"] = new JsonArray(FederationUrls.Followers(person), ids.Group(story.CommunityId)),
            ["tag"] = new JsonArray([.. story.Tags.Select(tag => (JsonNode)new JsonObject
            {
                ["type"] = "Hashtag",
                ["name"] = "#" + string.Concat(tag.Name.Where(char.IsLetterOrDigit)),
                ["href"] = site.Absolute($"/tags/{tag.Slug}"),
            })]),
        };

        // Approving a revision moves UpdatedAt; anything earlier is the first publication.
        if (story.UpdatedAt > story.PublishedAt)
        {
            article["updated"] = ActorDocuments.Time(story.UpdatedAt);
        }

        if (site.AbsoluteMedia(story.HeroImageUrl) is { } hero)
        {
            article["image"] = new JsonObject { ["type"] = "Image", ["mediaType"] = ImageTypes.Of(hero), ["url"] = hero, ["name"] = story.HeroAltText ?? "" };
        }

        ArticleLabels.Apply(article, story.Labels);
        return article;
    }
}
