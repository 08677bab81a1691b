using Folio.Features.Communities;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Admin;

public sealed class CommunitySlugRulesTests
{
    [Theory]
    [InlineData("night-owls", true)]
    [InlineData("a1", true)]
    [InlineData("x", false)]
    [InlineData("Night-Owls", false)]
    [InlineData("night_owls", false)]
    [InlineData("search", false)]
    [InlineData("SEARCH", false)]
    public void SlugsAreShortLowercaseAndNotAPageOfTheSite(string slug, bool valid)
    {
        Assert.Equal(valid, CommunitySlugRules.IsValid(slug));
        Assert.Equal(valid, CommunitySlugRules.Problem(slug) is null);
    }

    [Fact]
    public void SixtyCharactersIsTheLongestSlug()
    {
        Assert.True(CommunitySlugRules.IsValid(new string('a', 60)));
        Assert.False(CommunitySlugRules.IsValid(new string('a', 61)));
    }

    /// <summary>A new top-level page must be reserved before a community can take its address.</summary>
    [Fact]
    public void EveryTopLevelRouteOfTheSiteIsReserved()
    {
        using var app = new FolioApp();
        var segments = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { IsSimple: true } && s.Parts[0].IsLiteral)
            .Select(s => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s!.Parts[0]).Content)
            .Distinct()
            .ToList();

        Assert.Contains("explore", segments);
        Assert.All(segments, segment => Assert.True(CommunitySlugRules.IsReserved(segment), $"/{segment} is not in CommunitySlugRules.ReservedSegments"));
    }
}
