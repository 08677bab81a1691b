using Folio.Data;
using Folio.Features.Pins;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class AuthorEndpoints
{
    public static RouteGroupBuilder MapAuthorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/authors/{username}", GetAsync).WithTags("Authors").WithName("GetAuthor")
            .WithSummary("A creator's profile")
            .WithDescription("Usernames match in any case. A creator who changed username keeps their old links: the old username answers "
                + "308 Permanent Redirect to the current one's address. Their stories are at /api/v1/stories?author={username}.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiAuthor>, RedirectHttpResult, ProblemHttpResult>> GetAsync(
        string username, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var author = await db.Users.AsNoTracking().Include(u => u.Links)
            .FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Id != Federation.Remote.FediverseAccount.Id, cancellationToken);
        if (author is null)
        {
            // Like the profile page: a renamed creator's old links keep working, and say where the profile is now.
            var movedTo = await db.UsernameRedirects.Where(r => r.NormalizedOldUserName == normalized)
                .Select(r => r.User.UserName).FirstOrDefaultAsync(cancellationToken);
            return movedTo is null
                ? ApiProblems.NotFound($"There is no creator with the username “{username}”.")
                : TypedResults.Redirect($"/api/v1/authors/{Uri.EscapeDataString(movedTo)}", permanent: true, preserveMethod: true);
        }

        var pinned = await db.Stories.PinnedToProfile(author.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var storyCount = await db.Stories.Published().CountAsync(s => s.AuthorId == author.Id, cancellationToken);
        return TypedResults.Ok(new ApiAuthor(
            author.UserName!, author.DisplayName, author.Bio, urls.AbsoluteMedia(author.AvatarUrl), urls.Absolute($"/authors/{author.UserName}"),
            author.JoinedAt, author.Links.Select(l => new ApiLink(l.Label, l.Url)).ToList(), storyCount, pinned));
    }
}
