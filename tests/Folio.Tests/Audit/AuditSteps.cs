using System.Text.Json;
using Folio.Features.Audit;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Audit;

public static class AuditSteps
{
    /// <summary>Writes an entry straight to the log, as if someone had acted.</summary>
    public static Task<AuditEntry> AuditEntryAsync(this FolioApp app, string action, string subjectType, string subjectId, string summary,
        object? before = null, object? after = null, string actorName = "Ada Admin (@ada)", string? actorId = null, DateTime? at = null) =>
        app.WithDbAsync(async db =>
        {
            var entry = new AuditEntry
            {
                At = at ?? app.Clock.UtcNow,
                ActorId = actorId,
                ActorName = actorName,
                Action = action,
                SubjectType = subjectType,
                SubjectId = subjectId,
                Summary = summary,
                Before = before is null ? null : JsonSerializer.Serialize(before),
                After = after is null ? null : JsonSerializer.Serialize(after),
            };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry;
        });

    public static Task<List<AuditEntry>> AuditEntriesAsync(this FolioApp app, string action) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    public static JsonElement Json(string? text) => JsonDocument.Parse(text ?? "null").RootElement;
}
