using Folio.Features.Standing;
using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Accounts;

/// <summary>One policy per capability; pages and endpoints name the capability they need.</summary>
public static class Policies
{
    /// <summary>Any signed-in account, whatever its standing: settings, notifications, following, reporting abuse.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>
    /// Adding or changing what others see (stories, comments, hearts, insights, the profile): signed in, and not
    /// suspended, banned or, where the site requires it, unconfirmed (GoodStandingRequirement, checked per request).
    /// </summary>
    public const string Write = nameof(Write);
    public const string PublishWithoutReview = nameof(PublishWithoutReview);
    public const string Moderate = nameof(Moderate);
    public const string Administer = nameof(Administer);

    public static AuthorizationBuilder AddFolioPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Write, policy => policy.RequireAuthenticatedUser().AddRequirements(new GoodStandingRequirement()))
        .AddPolicy(PublishWithoutReview, policy => policy.RequireRole(Roles.Trusted, Roles.Moderator, Roles.Admin))
        // A suspended or banned moderator or admin loses those powers too, at once.
        .AddPolicy(Moderate, policy => policy.RequireRole(Roles.Moderator, Roles.Admin).AddRequirements(new GoodStandingRequirement(EmailCounts: false)))
        .AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin).AddRequirements(new GoodStandingRequirement(EmailCounts: false)));
}
