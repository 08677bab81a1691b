using System.Linq.Expressions;

namespace Folio.Features.Comments;

public static class CommentQueries
{
    /// <summary>
    /// The condition of <see cref="Shown"/>, for comments reached through a navigation (<c>story.Comments</c>), where an
    /// extension method can't be translated: <c>s.Comments.AsQueryable().Count(CommentQueries.IsShown)</c>.
    /// </summary>
    public static readonly Expression<Func<Comment, bool>> IsShown = c => c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null;

    /// <summary>Comments readers see: not deleted by their author, hidden by the story's author or removed by a moderator.</summary>
    public static IQueryable<Comment> Shown(this IQueryable<Comment> comments) => comments.Where(IsShown);
}
