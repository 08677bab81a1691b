namespace Folio.Features.Pins;

/// <summary>Where a story is pinned: the top of its creator's profile, or the top of its community's page.</summary>
public enum PinPlace
{
    Profile,
    Community,
}
