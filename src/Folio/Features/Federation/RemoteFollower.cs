namespace Folio.Features.Federation;

/// <summary>A remote actor following a local creator (Person) or community (Group): the audience of what that actor publishes.</summary>
public sealed class RemoteFollower
{
    public int Id { get; private set; }

    /// <summary>Person or Group; and the user's id or the community's id (invariant digits), as in <see cref="ActorKey"/>.</summary>
    public ActorKind Kind { get; set; }

    public required string OwnerId { get; set; }
    public int RemoteActorId { get; set; }
    public RemoteActor RemoteActor { get; set; } = null!;

    /// <summary>The id of the Follow activity, which an Undo names.</summary>
    public required string FollowActivityId { get; set; }

    public DateTime CreatedAt { get; set; }
}
