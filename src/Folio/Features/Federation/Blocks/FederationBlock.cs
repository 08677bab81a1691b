namespace Folio.Features.Federation.Blocks;

/// <summary>What a <see cref="FederationBlock"/> covers: a whole server (and its subdomains) or one actor.</summary>
public enum FederationBlockKind
{
    Domain,
    Actor,
}

/// <summary>
/// A remote server or actor a moderator blocked: nothing from it is accepted or shown, nothing is sent to it.
/// Value is a lower-case host (spam.example) for a Domain, the actor's id for an Actor.
/// </summary>
public sealed class FederationBlock
{
    public int Id { get; private set; }
    public FederationBlockKind Kind { get; set; }
    public required string Value { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The moderator who blocked; null when done from the command line.</summary>
    public string? CreatedById { get; set; }
}
