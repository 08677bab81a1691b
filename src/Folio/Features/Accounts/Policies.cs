using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Accounts;

/// <summary>One policy per capability; pages and endpoints name the capability they need.</summary>
public static class Policies
{
    public const string Write = nameof(Write);
    public const string PublishWithoutReview = nameof(PublishWithoutReview);
    public const string Moderate = nameof(Moderate);
    public const string Administer = nameof(Administer);

    public static AuthorizationBuilder AddFolioPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Write, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(PublishWithoutReview, policy => policy.RequireRole(Roles.Trusted, Roles.Moderator, Roles.Admin))
        .AddPolicy(Moderate, policy => policy.RequireRole(Roles.Moderator, Roles.Admin))
        .AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin));
}
