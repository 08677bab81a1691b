namespace Folio.Features.Moderation;

public enum ReviewReason
{
    Plagiarism,
    UnderWordMinimum,
    UnsafeContent,
    OffTopic,
    BelowQualityStandards,
    CopyrightedMaterial,
    PublishedElsewhere,
    Other,
}

public static class ReviewReasons
{
    public static string Describe(ReviewReason reason) => reason switch
    {
        ReviewReason.Plagiarism => "Plagiarism",
        ReviewReason.UnderWordMinimum => "Under the word minimum",
        ReviewReason.UnsafeContent => "Unsafe content",
        ReviewReason.OffTopic => "Off-topic for the community",
        ReviewReason.BelowQualityStandards => "Below quality standards",
        ReviewReason.CopyrightedMaterial => "Copyrighted material",
        ReviewReason.PublishedElsewhere => "Published elsewhere",
        _ => "Other",
    };

    /// <summary>Stored as "Plagiarism,OffTopic" so both providers keep it in one column.</summary>
    public static string Encode(IEnumerable<ReviewReason> reasons) => string.Join(',', reasons.Distinct());

    public static IReadOnlyList<ReviewReason> Decode(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(',').Select(code => Enum.TryParse<ReviewReason>(code, out var reason) ? reason : ReviewReason.Other).ToList();
}
