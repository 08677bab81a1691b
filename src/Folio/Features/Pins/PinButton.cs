namespace Folio.Features.Pins;

/// <summary>One Pin or Unpin button: the story, where, its state now, and the page to come back to.</summary>
public sealed record PinButton(int StoryId, PinPlace Place, bool Pinned, string StoryTitle, string? ReturnUrl)
{
    public string Handler => Pinned ? "Unpin" : "Pin";
    public string PlaceRoute => Place.ToString().ToLowerInvariant();

    public string Label => (Pinned, Place) switch
    {
        (false, PinPlace.Profile) => "Pin to your profile",
        (true, PinPlace.Profile) => "Unpin from your profile",
        (false, _) => "Pin to the community page",
        _ => "Unpin from the community page",
    };
}
