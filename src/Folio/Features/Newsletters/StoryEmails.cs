namespace Folio.Features.Newsletters;

/// <summary>What became of one story's new-story emails: accepted by the mail server, still to send, and given up on.</summary>
public sealed record StoryEmails(int Sent, int Sending, int GaveUp);
