using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Communities;

public sealed record CommunityChangeResult(Community? Community, Dictionary<string, string> Problems, bool Changed = false)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Creates and edits communities the same way from the admin pages, the command line and the API: the same checks, a
/// redirect left behind by a new slug, and an audit entry holding only what changed, written in the same save.
/// </summary>
public sealed class CommunityChanges(FolioDb db, AuditLog audit, TimeProvider clock)
{
    public const string SubjectType = "community";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommunityChangeResult> CreateAsync(CommunityChange change, CancellationToken cancellationToken)
    {
        var problems = change.Problems(creating: true);
        if (problems.Count == 0 && await db.SlugTakenProblemAsync(change.Slug!, null, cancellationToken) is { } taken)
        {
            problems[nameof(CommunityChange.Slug)] = taken;
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var community = new Community { Slug = change.Slug!.ToLowerInvariant(), Name = "", CreatedAt = Now };
        var after = Apply(community, change with { Slug = null });
        after["slug"] = community.Slug;
        db.Communities.Add(community);
        try
        {
            // The entry names the community by its id, which the first save gives it; the transaction keeps both or neither.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditActions.CommunityCreate, SubjectType, community.Id.ToString(), $"Created the community {community.Name} (/{community.Slug})",
                null, after, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same slug at once: the unique index stops the second.
            db.ChangeTracker.Clear();
            if (!await db.IsSlugTakenAsync(community.Slug, cancellationToken))
            {
                throw;
            }

            return new(null, new() { [nameof(CommunityChange.Slug)] = CommunityRules.SlugTaken(community.Slug) });
        }

        return new(community, [], true);
    }

    /// <summary>Applies <paramref name="change"/> to the tracked <paramref name="community"/> and saves, or says what to fix.</summary>
    public async Task<CommunityChangeResult> EditAsync(Community community, CommunityChange change, CancellationToken cancellationToken)
    {
        var problems = change.Problems(creating: false);
        var newSlug = change.Slug?.ToLowerInvariant();
        if (newSlug is not null && newSlug != community.Slug && !problems.ContainsKey(nameof(CommunityChange.Slug))
            && await db.SlugTakenProblemAsync(newSlug, community, cancellationToken) is { } taken)
        {
            problems[nameof(CommunityChange.Slug)] = taken;
        }

        if (problems.Count > 0)
        {
            return new(community, problems);
        }

        var before = Snapshot(community);
        var oldSlug = community.Slug;
        var wasArchived = community.IsArchived;
        Apply(community, change);
        if (newSlug is not null && newSlug != oldSlug)
        {
            await StageRedirectAsync(community, oldSlug, newSlug, cancellationToken);
        }

        var after = Snapshot(community);
        var changed = after.Keys.Where(k => !Equals(before[k], after[k])).ToList();
        if (changed.Count == 0)
        {
            return new(community, [], false);
        }

        if (community.IsArchived != wasArchived)
        {
            var verb = community.IsArchived ? "Archived" : "Unarchived";
            await audit.RecordAsync(AuditActions.CommunityArchive, SubjectType, community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{verb} the community {community.Name} (/{community.Slug}).",
                new Dictionary<string, object?> { ["archived"] = wasArchived }, new Dictionary<string, object?> { ["archived"] = community.IsArchived }, cancellationToken);
            changed.Remove("archived");
        }

        if (changed.Count > 0)
        {
            await audit.RecordAsync(AuditActions.CommunityEdit, SubjectType, community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Edited the community {community.Name} (/{community.Slug}): {string.Join(", ", changed)}.",
                changed.ToDictionary(k => k, k => before[k]), changed.ToDictionary(k => k, k => after[k]), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (newSlug is not null && newSlug != oldSlug)
        {
            db.ChangeTracker.Clear();
            return new(community, new() { [nameof(CommunityChange.Slug)] = CommunityRules.SlugTaken(newSlug) });
        }

        return new(community, [], true);
    }

    /// <summary>The old slug redirects to the community; taking back one of its own earlier slugs ends that redirect.</summary>
    private async Task StageRedirectAsync(Community community, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        var reclaimed = await db.CommunitySlugRedirects.Where(r => r.OldSlug == newSlug && r.CommunityId == community.Id).ToListAsync(cancellationToken);
        db.CommunitySlugRedirects.RemoveRange(reclaimed);
        db.CommunitySlugRedirects.Add(new CommunitySlugRedirect { OldSlug = oldSlug, Community = community, ChangedAt = Now });
    }

    /// <summary>Sets each field the change names; returns the values it set, for a new community's audit entry.</summary>
    private Dictionary<string, object?> Apply(Community community, CommunityChange change)
    {
        var set = new Dictionary<string, object?>();
        if (change.Slug is { } slug) { set["slug"] = community.Slug = slug.ToLowerInvariant(); }
        if (change.Name is { } name) { set["name"] = community.Name = name.Trim(); }
        if (change.Tagline is { } tagline) { set["tagline"] = community.Tagline = tagline.Trim(); }
        if (change.Description is { } description) { set["description"] = community.Description = description.Trim(); }
        if (change.Rules is { } rules) { set["rules"] = community.Rules = rules.Trim(); }
        if (change.AccentColor is { } accent) { set["accentColor"] = community.AccentColor = accent.ToLowerInvariant(); }
        if (change.MinimumWords is { } words) { set["minimumWords"] = community.MinimumWords = words; }
        if (change.SubmissionsNeedReview is { } review) { set["submissionsNeedReview"] = community.SubmissionsNeedReview = review; }
        if (change.LogoUrl is { } logo) { set["logoUrl"] = community.LogoUrl = logo; }
        if (change.Archived is { } archived && archived != community.IsArchived)
        {
            community.ArchivedAt = archived ? Now : null;
            set["archived"] = archived;
        }

        return set;
    }

    private static Dictionary<string, object?> Snapshot(Community c) => new()
    {
        ["slug"] = c.Slug, ["name"] = c.Name, ["tagline"] = c.Tagline, ["description"] = c.Description, ["rules"] = c.Rules,
        ["accentColor"] = c.AccentColor, ["minimumWords"] = c.MinimumWords, ["submissionsNeedReview"] = c.SubmissionsNeedReview,
        ["logoUrl"] = c.LogoUrl, ["archived"] = c.IsArchived,
    };
}
