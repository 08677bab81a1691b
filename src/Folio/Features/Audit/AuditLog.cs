using System.Security.Claims;
using System.Text.Json;
using Folio.Data;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Audit;

/// <summary>
/// Adds an <see cref="AuditEntry"/> to the caller's pending save: it is written by the same SaveChanges as the change
/// it records, or not at all. The actor is the signed-in person of the current request, or the operator when there is
/// no request (the command line).
/// </summary>
public sealed class AuditLog(FolioDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string CommandLineActor = "Command line";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="before">The changed values as they were (an anonymous object is fine); null when something was created.</param>
    /// <param name="after">The changed values as they became; null when something was deleted.</param>
    public async Task RecordAsync(string action, string subjectType, string subjectId, string summary, object? before = null, object? after = null,
        CancellationToken cancellationToken = default)
    {
        var (actorId, actorName) = await ActorAsync(http.HttpContext?.User, cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }

    private async Task<(string? Id, string Name)> ActorAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (user?.UserId() is not { } id)
        {
            return (null, CommandLineActor);
        }

        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName + " (@" + u.UserName + ")").FirstOrDefaultAsync(cancellationToken);
        return (id, name ?? id);
    }
}
