using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Labels;

/// <summary>
/// The signed-in reader's <see cref="ReadingChoices"/>, read from the stored account once per request (one lookup by
/// primary key, kept for the rest of the request), so a change in settings or through the API applies to the next page.
/// </summary>
public sealed class CurrentReadingChoices(FolioDb db)
{
    private (string UserId, ReadingChoices Choices)? _known;

    public async Task<ReadingChoices> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserId() is not { } userId)
        {
            return ReadingChoices.None;
        }

        if (_known is { } known && known.UserId == userId)
        {
            return known.Choices;
        }

        var choices = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ReadingChoices(u.HideAiGenerated, u.HiddenWarnings, u.CoverWarnedStories))
            .FirstOrDefaultAsync(cancellationToken) ?? ReadingChoices.None;
        _known = (userId, choices);
        return choices;
    }
}
