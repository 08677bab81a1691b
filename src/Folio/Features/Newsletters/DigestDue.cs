using Folio.Features.Labels;

namespace Folio.Features.Newsletters;

/// <summary>A reader whose digest is due, what they follow, since when their digest collects stories, and what they hide.</summary>
public sealed record DigestDue(string ReaderId, DigestFollows Follows, DateTime From, ReadingChoices Choices);
