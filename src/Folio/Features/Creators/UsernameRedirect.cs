namespace Folio.Features.Creators;

/// <summary>A username someone gave up; /authors/{old} keeps answering with a redirect to the new profile.</summary>
public sealed class UsernameRedirect
{
    public int Id { get; private set; }
    public required string NormalizedOldUserName { get; set; }
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public DateTime ChangedAt { get; set; }
}
