namespace Folio.Features.Communities;

/// <summary>
/// What an admin asks to change about a community, from the admin pages, the command line or the API. A null field is
/// left as it is; on creation, a null field takes the community's default.
/// </summary>
public sealed record CommunityChange
{
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string? Tagline { get; init; }
    public string? Description { get; init; }
    public string? Rules { get; init; }
    public string? AccentColor { get; init; }
    public int? MinimumWords { get; init; }
    public bool? SubmissionsNeedReview { get; init; }
    public bool? Archived { get; init; }

    /// <summary>The URL of a logo already stored by <see cref="CommunityLogos"/>.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>Why each field can't be used, keyed by the field's name, before anything is looked up in the database.</summary>
    public Dictionary<string, string> Problems(bool creating)
    {
        var problems = new Dictionary<string, string>();
        Add(problems, nameof(Slug), creating || Slug is not null ? CommunitySlugRules.Problem(Slug) : null);
        Add(problems, nameof(Name), creating || Name is not null ? CommunityRules.NameProblem(Name) : null);
        Add(problems, nameof(Tagline), CommunityRules.TaglineProblem(Tagline));
        Add(problems, nameof(Description), CommunityRules.DescriptionProblem(Description));
        Add(problems, nameof(Rules), CommunityRules.RulesProblem(Rules));
        Add(problems, nameof(AccentColor), CommunityRules.AccentColorProblem(AccentColor));
        Add(problems, nameof(MinimumWords), CommunityRules.MinimumWordsProblem(MinimumWords));
        return problems;
    }

    private static void Add(Dictionary<string, string> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems[field] = problem;
        }
    }
}
