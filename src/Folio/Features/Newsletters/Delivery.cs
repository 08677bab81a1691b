namespace Folio.Features.Newsletters;

/// <summary>How a reader gets new stories by email: each at once, collected in a daily or weekly digest, or not at all.</summary>
public enum Delivery
{
    Immediately = 0,
    Daily = 1,
    Weekly = 2,
    Never = 3,
}
