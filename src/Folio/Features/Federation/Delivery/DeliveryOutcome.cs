using Folio.Features.Queues;

namespace Folio.Features.Federation.Delivery;

/// <summary>
/// How one POST to a remote inbox went. Gone: the inbox answered 410, so its followers are dropped. Permanent: a 4xx
/// other than 408 and 429, which sending the same activity again cannot mend.
/// </summary>
public sealed record DeliveryOutcome(int? StatusCode, string? Error, bool Permanent = false, TimeSpan? RetryAfter = null) : IAttemptOutcome
{
    public bool Gone => StatusCode == StatusCodes.Status410Gone;
}
