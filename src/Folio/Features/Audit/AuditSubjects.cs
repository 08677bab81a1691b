using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Audit;

/// <summary>
/// Where each entry's subject can be seen now, looked up for one page of the log at a time; a subject that is gone (a
/// deleted webhook or account) has no link. A community or account is found by its id, or by the slug or username an
/// entry may name it by.
/// </summary>
public sealed class AuditSubjects(FolioDb db)
{
    /// <summary>After <see cref="LinksAsync"/>: what to call a subject whose id means nothing to a person (an account's id).</summary>
    public Dictionary<string, string> Names { get; } = [];

    public async Task<Dictionary<(string Type, string Id), string>> LinksAsync(IReadOnlyCollection<AuditEntry> entries, bool admin, CancellationToken cancellationToken)
    {
        var links = new Dictionary<(string, string), string>();
        List<string> Ids(string type) => [.. entries.Where(e => e.SubjectType == type).Select(e => e.SubjectId).Distinct()];
        List<int> Numbers(string type) => [.. Ids(type).Select(id => int.TryParse(id, out var n) ? n : (int?)null).OfType<int>()];

        var storyIds = Numbers("story");
        foreach (var story in await db.Stories.AsNoTracking().Where(s => storyIds.Contains(s.Id))
                     .Select(s => new { s.Id, Community = s.Community.Slug, s.Slug, Live = s.Status == StoryStatus.Published && s.PublishedAt != null })
                     .ToListAsync(cancellationToken))
        {
            links[("story", story.Id.ToString())] = story.Live ? StoryLinks.Path(story.Community, story.Slug) : $"/moderation/stories/{story.Id}";
        }

        var commentIds = Numbers("comment");
        foreach (var id in await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken))
        {
            links[("comment", id.ToString())] = $"/comments/{id}";
        }

        var communityKeys = Ids("community");
        var communityIds = Numbers("community");
        foreach (var community in await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id) || communityKeys.Contains(c.Slug))
                     .Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken))
        {
            links[("community", community.Id.ToString())] = "/" + community.Slug;
            links[("community", community.Slug)] = "/" + community.Slug;
        }

        var userKeys = Ids("user");
        foreach (var user in await db.Users.AsNoTracking().Where(u => userKeys.Contains(u.Id) || userKeys.Contains(u.UserName!))
                     .Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken))
        {
            links[("user", user.Id)] = $"/authors/{user.UserName}";
            links[("user", user.UserName!)] = $"/authors/{user.UserName}";
            Names[user.Id] = "@" + user.UserName;
        }

        // Webhooks are for admins only; a moderator's log never lists them anyway.
        var webhookIds = admin ? Numbers("webhook") : [];
        foreach (var id in await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken))
        {
            links[("webhook", id.ToString())] = $"/admin/webhooks/{id}";
        }

        if (admin && entries.Any(e => e.SubjectType == "site"))
        {
            foreach (var entry in entries.Where(e => e.SubjectType == "site"))
            {
                links[("site", entry.SubjectId)] = "/admin/site";
            }
        }

        return links;
    }
}
