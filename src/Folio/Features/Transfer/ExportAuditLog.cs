using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's "auditLog": every entry, oldest first, with its actor by the name kept in the entry and, while the
/// account exists, its username. Before and after stay the JSON text the log wrote, so they come back unchanged.
/// </summary>
internal sealed class ExportAuditLog(FolioDb db, Utf8JsonWriter json, ExportWriter writer)
{
    public Task<int> WriteAsync() => writer.ArrayAsync("auditLog", db.AuditEntries.AsNoTracking().OrderBy(e => e.Id), e =>
    {
        json.WriteString("at", e.At);
        json.WriteString("actor", e.ActorName);
        json.WriteString("actorUsername", e.ActorId is { } id ? writer.Username(id) : null);
        json.WriteString("action", e.Action);
        json.WriteString("subjectType", e.SubjectType);
        json.WriteString("subjectId", e.SubjectId);
        json.WriteString("summary", e.Summary);
        json.WriteString("before", e.Before);
        json.WriteString("after", e.After);
    });
}
