using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Standing;

/// <summary>Part of Policies.Write: the account is not suspended, banned, or unconfirmed where the site requires it.</summary>
public sealed class GoodStandingRequirement : IAuthorizationRequirement;

public sealed class GoodStandingHandler(AccountStandings standings) : AuthorizationHandler<GoodStandingRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GoodStandingRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return; // the policy's sign-in requirement answers for visitors
        }

        if (await standings.RefusalForAsync(context.User) is { } refusal)
        {
            context.Fail(new AuthorizationFailureReason(this, refusal.Message));
        }
        else
        {
            context.Succeed(requirement);
        }
    }
}
