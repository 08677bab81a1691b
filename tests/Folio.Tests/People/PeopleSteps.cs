using Folio.Features.Creators;
using Folio.Features.People;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.People;

internal static class PeopleSteps
{
    /// <summary>An account with these roles (every account reads), made as sign-up would.</summary>
    public static async Task<FolioUser> PersonWithRolesAsync(this FolioApp app, string username, params string[] roles)
    {
        var person = await app.Data.PersonAsync(username, $"Name of {username}");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        await users.AddToRolesAsync((await users.FindByIdAsync(person.Id))!, ["reader", .. roles]);
        return person;
    }

    public static Task<FolioUser> AccountAsync(this FolioApp app, string username) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == username));

    /// <summary>Runs one action of <see cref="PeopleAdmin"/> as the command line would (no signed-in actor).</summary>
    public static async Task<PeopleOutcome> AsOperatorAsync(this FolioApp app, string username, Func<PeopleAdmin, FolioUser, Task<PeopleOutcome>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        return await act(scope.ServiceProvider.GetRequiredService<PeopleAdmin>(), (await users.FindByNameAsync(username))!);
    }
}
