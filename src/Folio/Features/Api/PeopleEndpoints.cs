using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace Folio.Features.Api;

/// <summary>/api/v1/admin/people: the account side of /admin/people, for admins, with the same rules.</summary>
public static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/admin/people").WithTags("Admin: people")
            .RequireAuthorization(Policies.Administer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        people.MapGet("", SearchAsync).WithName("SearchPeople")
            .WithSummary("Find accounts (admins only)")
            .WithDescription("`q` matches the start of a username or email, or part of a display name; without it, every account. "
                + $"Newest first, {PeopleSearch.PageSize} a page; `page` counts from 1.");
        people.MapPost("/{username}/suspension", SuspendAsync).WithName("SuspendPerson")
            .WithSummary("Suspend an account (admins only)")
            .WithDescription("Give `days` (1–3650) or `until` (a future UTC time), and a `reason` the person sees. The account can "
                + "still sign in and read. Suspending yourself or the last admin is a 409.")
            .WithSmallBody()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapDelete("/{username}/suspension", UnsuspendAsync).WithName("UnsuspendPerson")
            .WithSummary("Lift an account's suspension or ban (admins only)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/{username}/ban", BanAsync).WithName("BanPerson")
            .WithSummary("Ban an account (admins only)")
            .WithDescription("A suspension that lasts until it is lifted, with a `reason` the person sees. Banning yourself or the last admin is a 409.")
            .WithSmallBody()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPut("/{username}/roles/{role}", GrantAsync).WithName("GrantRole")
            .WithSummary("Grant a role (admins only)")
            .WithDescription($"One of {string.Join(", ", Roles.All)}; the roles it builds on come with it (trusted brings creator).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapDelete("/{username}/roles/{role}", RemoveAsync).WithName("RemoveRole")
            .WithSummary("Remove a role (admins only)")
            .WithDescription("Roles built on it go too (removing creator removes trusted). Every account stays a reader; removing "
                + "admin from yourself or from the last admin is a 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<ApiPeoplePage>> SearchAsync(string? q, int? page, FolioDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await PeopleSearch.FindAsync(db, q, page ?? 1, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(new ApiPeoplePage([.. found.Items.Select(ApiPerson.From)], found.Page, found.TotalPages ?? 1, found.TotalCount ?? 0));
    }

    private static async Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> SuspendAsync(
        string username, SuspendRequest request, ClaimsPrincipal user, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        DateTime? end = null;
        if ((request.Days is null) == (request.Until is null))
        {
            errors["days"] = ["Give either `days` or `until`."];
        }
        else if (request.Days is { } days)
        {
            if (days is < 1 or > PeopleAdmin.MaxDays)
            {
                errors["days"] = [$"`days` is 1–{PeopleAdmin.MaxDays}."];
            }
            else
            {
                end = now.AddDays(days);
            }
        }
        else
        {
            var until = request.Until!.Value.ToUniversalTime();
            if (until <= now || until > now.AddDays(PeopleAdmin.MaxDays))
            {
                errors["until"] = [$"`until` is a time in the next {PeopleAdmin.MaxDays} days."];
            }
            else
            {
                end = until;
            }
        }

        if (PeopleAdmin.ReasonProblem(request.Reason) is { } reasonProblem)
        {
            errors["reason"] = [reasonProblem];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return await ActAsync(username, users, people, clock,
            target => people.SuspendAsync(target, end!.Value, request.Reason!, user.UserId(), cancellationToken));
    }

    private static async Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> BanAsync(
        string username, BanRequest request, ClaimsPrincipal user, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (PeopleAdmin.ReasonProblem(request.Reason) is { } problem)
        {
            return ApiProblems.Invalid("reason", problem);
        }

        return await ActAsync(username, users, people, clock, target => people.BanAsync(target, request.Reason!, user.UserId(), cancellationToken));
    }

    private static Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> UnsuspendAsync(
        string username, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(username, users, people, clock, target => people.UnsuspendAsync(target, cancellationToken));

    private static async Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        string username, string role, ClaimsPrincipal user, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock,
        CancellationToken cancellationToken) =>
        PeopleAdmin.RoleProblem(role) is { } problem
            ? ApiProblems.Invalid("role", problem)
            : await ActAsync(username, users, people, clock, target => people.GrantRoleAsync(target, role, user.UserId(), cancellationToken));

    private static async Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        string username, string role, ClaimsPrincipal user, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock,
        CancellationToken cancellationToken) =>
        PeopleAdmin.RoleProblem(role) is { } problem
            ? ApiProblems.Invalid("role", problem)
            : await ActAsync(username, users, people, clock, target => people.RemoveRoleAsync(target, role, user.UserId(), cancellationToken));

    /// <summary>A refusal (yourself, the last admin, every account reads) is a 409: the request was understood, the account's state forbids it.</summary>
    private static async Task<Results<Ok<ApiPerson>, ValidationProblem, ProblemHttpResult>> ActAsync(
        string username, UserManager<FolioUser> users, PeopleAdmin people, TimeProvider clock, Func<FolioUser, Task<PeopleOutcome>> act)
    {
        if (await users.FindByNameAsync(username) is not { } target)
        {
            return ApiProblems.NotFound($"No account has the username “{username}”.");
        }

        var outcome = await act(target);
        if (!outcome.Done)
        {
            return ApiProblems.Conflict(outcome.Message);
        }

        return TypedResults.Ok(ApiPerson.From(PeopleSearch.Row(target, await people.RolesOfAsync(target), clock.GetUtcNow().UtcDateTime)));
    }
}
