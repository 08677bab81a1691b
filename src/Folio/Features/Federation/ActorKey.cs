namespace Folio.Features.Federation;

/// <summary>Whose key a stored <see cref="ActorKey"/> is.</summary>
public enum ActorKind
{
    Instance,
    Person,
    Group,
}

/// <summary>
/// The RSA key pair one local actor signs with, made the first time the actor is asked for (<see cref="ActorKeys"/>).
/// OwnerId is the user's id for a Person, the community's id for a Group and empty for the instance.
/// </summary>
public sealed class ActorKey
{
    public int Id { get; private set; }
    public ActorKind Kind { get; set; }
    public required string OwnerId { get; set; }
    public required string PublicKeyPem { get; set; }
    public required string PrivateKeyPem { get; set; }
    public DateTime CreatedAt { get; set; }
}
