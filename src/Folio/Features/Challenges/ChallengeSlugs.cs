namespace Folio.Features.Challenges;

/// <summary>Challenge addresses, /challenges/{slug}: the slugs the section's own pages use are not free.</summary>
public static class ChallengeSlugs
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "feed", "new", "page" };

    public static string Taken(string slug) => $"/challenges/{slug} is taken. Choose another slug.";
}
