namespace Folio.Features.CommunityAdmin;

/// <summary>What the shared fields partial needs: the form, the current logo, and whether the community exists yet.</summary>
public sealed record CommunityFieldsView(CommunityInput Input, string? LogoUrl, bool Editing);
