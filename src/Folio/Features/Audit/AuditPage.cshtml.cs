using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Audit;

/// <summary>An entry as the log shows it: the subject's link when it still exists, and the before/after as changed fields.</summary>
public sealed record AuditRow(AuditEntry Entry, string? ActorUsername, string? SubjectUrl, string SubjectName, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// /admin/audit: newest first, a page at a time by id (keyset, so a page never shifts as new entries arrive). Admins
/// read every entry; moderators only what concerns moderation (<see cref="AuditActionNames.Moderation"/>).
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class AuditPageModel(FolioDb db, AuditSubjects subjects, IAuthorizationService authorization, PageHead head) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "action")] public string? ActionKey { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "subjectType")] public string? SubjectType { get; set; }
    [FromQuery(Name = "subject")] public string? Subject { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>The keyset: entries older than this id, or newer than <see cref="After"/>. Junk reads as the newest page.</summary>
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }

    public bool Admin { get; private set; }
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public Dictionary<string, string> Problems { get; private set; } = [];
    public long? OlderThan { get; private set; }
    public long? NewerThan { get; private set; }
    public bool Filtered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Audit log";
        head.NoIndex = true;
        Admin = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        Actions = [.. AuditActionNames.For(Admin)];
        var filter = new AuditFilter { Action = ActionKey, Actor = Actor, SubjectType = SubjectType, Subject = Subject, From = From, To = To };
        Problems = filter.Check(Actions);
        Filtered = !filter.IsEmpty;
        if (Problems.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var entries = Filter(db.AuditEntries.AsNoTracking(), filter);
        var page = await PageAsync(entries, cancellationToken);
        if (page.Count > 0)
        {
            var (newest, oldest) = (page[0].Id, page[^1].Id);
            NewerThan = await entries.AnyAsync(e => e.Id > newest, cancellationToken) ? newest : null;
            OlderThan = await entries.AnyAsync(e => e.Id < oldest, cancellationToken) ? oldest : null;
        }

        var links = await subjects.LinksAsync(page, Admin, cancellationToken);
        Rows = [.. page.Select(e => new AuditRow(e, UsernameIn(e.ActorName), links.GetValueOrDefault((e.SubjectType, e.SubjectId)),
            subjects.Names.GetValueOrDefault(e.SubjectId, e.SubjectId), AuditChanges.Of(e.Before, e.After)))];
        return Page();
    }

    private IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!Admin)
        {
            var moderation = AuditActionNames.Moderation.ToList();
            entries = entries.Where(e => moderation.Contains(e.Action));
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        if (filter.Actor?.Trim().TrimStart('@') is { Length: > 0 } actor)
        {
            if (string.Equals(actor, AuditLog.CommandLineActor, StringComparison.OrdinalIgnoreCase))
            {
                entries = entries.Where(e => e.ActorId == null && e.ActorName == AuditLog.CommandLineActor);
            }
            else
            {
                // By the account, or by the name kept in the entry when the account is gone.
                var normalized = actor.ToUpperInvariant();
                var userId = db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id);
                var signature = $"(@{actor})";
                entries = entries.Where(e => userId.Contains(e.ActorId!) || e.ActorName.EndsWith(signature));
            }
        }

        if (!string.IsNullOrEmpty(filter.SubjectType))
        {
            entries = entries.Where(e => e.SubjectType == filter.SubjectType);
        }

        if (filter.Subject?.Trim() is { Length: > 0 } subject)
        {
            entries = entries.Where(e => e.SubjectId == subject);
        }

        if (filter.FromDate is { } from)
        {
            var start = DateTime.SpecifyKind(from.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.ToDate is { } to)
        {
            var end = DateTime.SpecifyKind(to.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private async Task<List<AuditEntry>> PageAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (long.TryParse(After, out var after))
        {
            var newer = await entries.Where(e => e.Id > after).OrderBy(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
            newer.Reverse();
            return newer;
        }

        if (long.TryParse(Before, out var before))
        {
            entries = entries.Where(e => e.Id < before);
        }

        return await entries.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>AuditLog names an account "Display name (@username)".</summary>
    private static string? UsernameIn(string actorName)
    {
        var at = actorName.LastIndexOf("(@", StringComparison.Ordinal);
        return at >= 0 && actorName.EndsWith(')') ? actorName[(at + 2)..^1] : null;
    }

    /// <summary>This page's address with the filter kept and the keyset replaced.</summary>
    public string Link(string? key = null, long? id = null, IDictionary<string, string?>? filter = null)
    {
        var query = filter ?? new Dictionary<string, string?>
        {
            ["action"] = ActionKey, ["actor"] = Actor, ["subjectType"] = SubjectType, ["subject"] = Subject, ["from"] = From, ["to"] = To,
        };
        if (key is not null && id is not null)
        {
            query[key] = id.ToString();
        }

        var kept = query.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", kept);
    }
}
