namespace Folio.Features.ChallengeAdmin;

/// <summary>A community the challenge can belong to, as the form's select lists it.</summary>
public sealed record CommunityChoice(int Id, string Name);

/// <summary>What the shared fields partial needs: the form, the current hero image, and the communities to choose from.</summary>
public sealed record ChallengeFieldsView(ChallengeInput Input, string? HeroImageUrl, IReadOnlyList<CommunityChoice> Communities);
