using Folio.Features.Accounts;
using Folio.Features.Developers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Developers;

/// <summary>Who may call an endpoint is read from the metadata the authorization middleware acts on, with Folio's real policies.</summary>
public sealed class ApiAccessRulesTests
{
    [Theory]
    [InlineData(null, false, "Anyone: no token needed")]
    [InlineData(Policies.Write, false, "Any account, with its token")]
    [InlineData(Policies.PublishWithoutReview, false, "Trusted creators, moderators and admins, with a token")]
    [InlineData(Policies.Moderate, false, "Moderators and admins, with a token")]
    [InlineData(Policies.Administer, false, "Admins, with a token")]
    [InlineData(Policies.Moderate, true, "Anyone: no token needed")]
    public async Task AccessFollowsTheEndpointsPolicy(string? policy, bool allowAnonymous, string who)
    {
        List<object> metadata = [];
        if (policy is not null)
        {
            metadata.Add(new AuthorizeAttribute(policy));
        }

        if (allowAnonymous)
        {
            metadata.Add(new AllowAnonymousAttribute());
        }

        var access = await RulesFor(Endpoint("PATCH", "api/v1/stories/{id:int}", metadata)).ReadAsync();

        Assert.Equal(who, access[("PATCH", "/api/v1/stories/{id}")].Who);
    }

    [Fact]
    public async Task EveryPolicyOnAnEndpointMustBeMet()
    {
        var endpoint = Endpoint("POST", "api/v1/stories/{slug?}/", [new AuthorizeAttribute(Policies.PublishWithoutReview), new AuthorizeAttribute(Policies.Moderate)]);

        var access = await RulesFor(endpoint).ReadAsync();

        Assert.Equal(new ApiAccess("Moderators and admins, with a token", true, true), access[("POST", "/api/v1/stories/{slug}")]);
    }

    private static ApiDescription Endpoint(string method, string path, List<object> metadata) => new()
    {
        HttpMethod = method,
        RelativePath = path,
        ActionDescriptor = new ActionDescriptor { EndpointMetadata = metadata },
    };

    private static ApiAccessRules RulesFor(ApiDescription description)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationBuilder().AddFolioPolicies();
        var provider = services.BuildServiceProvider();
        var group = new ApiDescriptionGroup("v1", [description]);
        return new ApiAccessRules(new Descriptions(new ApiDescriptionGroupCollection([group], 1)), provider.GetRequiredService<IAuthorizationPolicyProvider>());
    }

    private sealed class Descriptions(ApiDescriptionGroupCollection groups) : IApiDescriptionGroupCollectionProvider
    {
        public ApiDescriptionGroupCollection ApiDescriptionGroups => groups;
    }
}
