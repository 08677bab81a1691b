using Folio.Shared;

namespace Folio.Features.Comments;

/// <summary>What readers are told about comments, in one place.</summary>
public static class CommentMessages
{
    public const string Empty = "Write something before posting: the comment box is empty.";
    public const string CommentsOff = "The creator has turned comments off for this story, so new comments can’t be posted.";
    public const string Honeypot = "Your comment wasn’t posted: the “Leave this empty” field had text in it, which is what spam robots do. Empty it and post again.";
    public const string RateLimited = "You’re commenting faster than we allow; wait a minute and try again. Your text is still here.";
    public const string ParentGone = "The comment you were replying to is no longer shown, so it can’t take replies. Post again to add your text as a new comment instead.";

    public static string TooLong(int length) =>
        $"Comments can be up to {CommentOptions.MaxLength:N0} characters; yours has {length:N0}. Shorten it and post again.";

    public static string NotEditableAfter(int minutes) =>
        $"This comment can’t be edited any more: comments can be changed for {Plural.Of(minutes, "minute", "minutes")} after posting, and only while they are shown.";

    public static string Tombstone(CommentState state) => state switch
    {
        CommentState.Deleted => "This comment was deleted.",
        CommentState.Hidden => "Hidden by the author.",
        CommentState.Removed => "Removed by a moderator.",
        _ => "",
    };

    /// <summary>Null when the (normalised) text can be posted, otherwise what to fix.</summary>
    public static string? Problem(string body) => body.Length switch
    {
        0 => Empty,
        > CommentOptions.MaxLength => TooLong(body.Length),
        _ => null,
    };

    public static string Normalise(string? body) => (body ?? "").ReplaceLineEndings("\n").Trim();
}
