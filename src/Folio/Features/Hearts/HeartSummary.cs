using Folio.Shared;

namespace Folio.Features.Hearts;

/// <summary>The hearts a story has, as the person looking at its page sees them (read with the reader's other marks, <see cref="Stories.StoryMarks"/>).</summary>
public sealed record HeartSummary(int StoryId, string StoryUrl, int Count, bool SignedIn, bool IsAuthor, bool Given)
{
    public string Noun => Plural.Noun(Count, "heart", "hearts");

    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#hearts");
}
