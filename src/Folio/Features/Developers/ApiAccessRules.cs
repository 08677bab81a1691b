using System.Text.RegularExpressions;
using Folio.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Folio.Features.Developers;

/// <summary>
/// Who may call each endpoint, worked out the way the authorization middleware does it: from the endpoint's
/// [AllowAnonymous] and RequireAuthorization metadata, combined into one policy and read back as roles.
/// </summary>
public sealed partial class ApiAccessRules(IApiDescriptionGroupCollectionProvider descriptions, IAuthorizationPolicyProvider policies)
{
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Roles.Reader] = "readers",
        [Roles.Creator] = "creators",
        [Roles.Trusted] = "trusted creators",
        [Roles.Moderator] = "moderators",
        [Roles.Admin] = "admins",
    };

    /// <summary>Keyed by HTTP method (upper case) and path as the OpenAPI document writes it: /api/v1/stories/{id}.</summary>
    public async Task<IReadOnlyDictionary<(string Method, string Path), ApiAccess>> ReadAsync()
    {
        var access = new Dictionary<(string, string), ApiAccess>();
        foreach (var description in descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items))
        {
            if (description.HttpMethod is { } method && description.RelativePath is { } path)
            {
                access[(method.ToUpperInvariant(), "/" + WithoutConstraints(path))] = await AccessOfAsync(description.ActionDescriptor.EndpointMetadata);
            }
        }

        return access;
    }

    private async Task<ApiAccess> AccessOfAsync(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()
            || await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()) is not { } policy)
        {
            return ApiAccess.Anyone;
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles)
            .Aggregate((IEnumerable<string>?)null, (allowed, next) => allowed is null ? next : allowed.Intersect(next, StringComparer.OrdinalIgnoreCase))
            ?.ToList();
        if (roles is null)
        {
            return new ApiAccess("Any account, with its token", true, false);
        }

        var names = roles.OrderBy(r => Array.IndexOf(Roles.All, r.ToLowerInvariant()))
            .Select(r => RoleNames.GetValueOrDefault(r, r)).ToList();
        var who = names.Count > 1 ? string.Join(", ", names[..^1]) + " and " + names[^1] : names.FirstOrDefault() ?? "nobody";
        return new ApiAccess(char.ToUpperInvariant(who[0]) + who[1..] + ", with a token", true, true);
    }

    /// <summary>"api/v1/stories/{id:int}/comments/" as the OpenAPI document writes it: "api/v1/stories/{id}/comments".</summary>
    private static string WithoutConstraints(string path) => RouteParameter().Replace(path, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\**([^}:?=]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
