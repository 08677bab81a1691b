using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's audit log, added to this site's as history: an entry already here (same time, action, subject and
/// summary) is not added again, so importing the file twice adds nothing. The actor is the account with the exported
/// username when it is here; the name kept in the entry reads either way. Subject ids are the exporting site's.
/// </summary>
internal sealed class SiteAuditLog(FolioDb db, SitePeople people)
{
    private const int Batch = 500;

    public async Task AddAsync(List<ExportedAuditEntry> entries, ImportReport report, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var (first, last) = (entries.Min(e => e.At), entries.Max(e => e.At));
        var here = (await db.AuditEntries.AsNoTracking().Where(e => e.At >= first && e.At <= last)
                .Select(e => new { e.At, e.Action, e.SubjectType, e.SubjectId, e.Summary }).ToListAsync(cancellationToken))
            .Select(e => (e.At, e.Action, e.SubjectType, e.SubjectId, e.Summary)).ToHashSet();
        var added = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in entries.Where(e => here.Add((e.At, e.Action, e.SubjectType, e.SubjectId, e.Summary))).Chunk(Batch))
        {
            db.AuditEntries.AddRange(batch.Select(e => new AuditEntry
            {
                At = e.At,
                ActorId = e.ActorUsername is { } username ? people.IdOf(username) : null,
                ActorName = e.Actor,
                Action = e.Action,
                SubjectType = e.SubjectType,
                SubjectId = e.SubjectId,
                Summary = e.Summary,
                Before = e.Before,
                After = e.After,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added += batch.Length;
        }

        await transaction.CommitAsync(cancellationToken);
        if (added > 0)
        {
            report.Note("audit log", $"added {added} entries");
        }
    }
}
