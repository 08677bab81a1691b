using Folio.Features.Communities;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Subscriptions;

/// <summary>The subscribe button on /authors/{username}, so the profile page needs to know nothing about subscriptions.</summary>
public sealed class SubscribeButtonViewComponent(Follows follows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(FolioUser creator) =>
        View(FollowButtonView.Path, await follows.ForCreatorAsync(UserClaimsPrincipal, creator, HttpContext.RequestAborted));
}

/// <summary>The follow button on /{community}.</summary>
public sealed class FollowButtonViewComponent(Follows follows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Community community) =>
        View(FollowButtonView.Path, await follows.ForCommunityAsync(UserClaimsPrincipal, community, HttpContext.RequestAborted));
}

internal static class FollowButtonView
{
    public const string Path = "~/Features/Subscriptions/_FollowButton.cshtml";
}
