using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

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

    public static async Task<SaveButton> LoadAsync(FolioDb db, int storyId, string storyTitle, string storyUrl, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var viewerId = viewer.UserId();
        var saved = viewerId is not null && await db.SavedStories.AnyAsync(s => s.UserId == viewerId && s.StoryId == storyId, cancellationToken);
        return new SaveButton(storyId, storyTitle, storyUrl, viewerId is not null, saved);
    }
}
