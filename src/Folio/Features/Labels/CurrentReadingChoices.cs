using System.Security.Claims;
using Folio.Features.Accounts;

namespace Folio.Features.Labels;

/// <summary>
/// The signed-in reader's <see cref="ReadingChoices"/>, from the account row the request reads once
/// (<see cref="SignedInAccount"/>, shared with the account's standing), so a change in settings or through the API applies
/// to the next page.
/// </summary>
public sealed class CurrentReadingChoices(SignedInAccount account)
{
    public async Task<ReadingChoices> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        user.UserId() is { } userId && await account.ForAsync(userId, cancellationToken) is { } row ? row.ReadingChoices : ReadingChoices.None;
}
