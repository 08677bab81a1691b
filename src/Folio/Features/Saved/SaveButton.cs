namespace Folio.Features.Saved;

/// <summary>
/// The Save button as the person looking sees it. A visitor, and so every cached anonymous page, gets a link to sign
/// in and come back; only a signed-in (never cached) page says whether the story is saved.
/// </summary>
public sealed record SaveButton(int StoryId, string StoryTitle, string StoryUrl, bool SignedIn, bool Saved, bool OnCard = false, string? ReturnUrl = null)
{
    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#save");

    /// <summary>Said after "Save" and "remove" to screen readers: on a card, which story; on the story page, nothing more is needed.</summary>
    public string Subject => OnCard ? $" “{StoryTitle}”" : "";
}
