namespace Folio.Features.Comments;

/// <summary>
/// What the person looking at a page may do with each comment, so pages offer only the controls that will work.
/// The pages that act check the same rules again on the server.
/// </summary>
public sealed record CommentViewer(string? UserId, bool IsStoryAuthor, bool IsModerator, DateTime Now, TimeSpan EditWindow)
{
    public bool SignedIn => UserId is not null;

    public bool Owns(CommentView comment) => SignedIn && comment.AuthorId == UserId;

    public bool CanEdit(CommentView comment) => Owns(comment) && comment.State == CommentState.Visible && Now < comment.CreatedAt + EditWindow;

    public bool CanDelete(CommentView comment) => Owns(comment) && comment.State is CommentState.Visible or CommentState.Hidden;

    public bool CanHide(CommentView comment) => IsStoryAuthor && !Owns(comment) && comment.State == CommentState.Visible;

    public bool CanUnhide(CommentView comment) => IsStoryAuthor && comment.State == CommentState.Hidden;

    public bool CanRemove(CommentView comment) => IsModerator && comment.State is CommentState.Visible or CommentState.Hidden;

    public bool CanReport(CommentView comment) => SignedIn && !Owns(comment) && comment.State == CommentState.Visible;
}
