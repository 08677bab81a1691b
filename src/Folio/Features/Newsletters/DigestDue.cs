namespace Folio.Features.Newsletters;

/// <summary>A reader whose digest is due, what they follow, and since when their digest collects stories.</summary>
public sealed record DigestDue(string ReaderId, DigestFollows Follows, DateTime From);
