namespace Folio.Features.Audit;

/// <summary>
/// One thing an admin or moderator did (or the operator, from the command line): who, when, what, to what, and the
/// values before and after. Written in the same save as the change it records, so neither exists without the other.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime At { get; set; }

    /// <summary>The account that acted; null for the command line, or when that account has since been deleted.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's name when they acted, kept so the log still reads after a rename or deletion.</summary>
    public required string ActorName { get; set; }

    /// <summary>A stable key such as <c>role.grant</c>; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on: <c>user</c>, <c>community</c>, <c>story</c>, <c>comment</c>, <c>webhook</c>, <c>site</c>.</summary>
    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    /// <summary>A sentence a person reads in the log: "Granted moderator to @ada".</summary>
    public required string Summary { get; set; }

    /// <summary>The changed values as they were, as JSON; null when the action created something.</summary>
    public string? Before { get; set; }

    /// <summary>The changed values as they became, as JSON; null when the action deleted something.</summary>
    public string? After { get; set; }
}
