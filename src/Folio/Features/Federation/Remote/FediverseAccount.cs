using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// The one local account that stands for everyone on the fediverse where a row needs a local author or reporter: a
/// remote reply is a <c>Comment</c> by this account with its <c>RemoteActorId</c> naming who wrote it, and a Flag is a
/// report by it naming the actor who sent it. Its username starts with an underscore, which no local username can
/// (<c>UsernameRules</c>), and its id is fixed, so it can never be a person's account; it has no password and is locked.
/// </summary>
public sealed class FediverseAccount(UserManager<FolioUser> users, TimeProvider clock)
{
    public const string Id = "fediverse";
    public const string UserName = "_fediverse";
    public const string DisplayName = "The fediverse";

    public async Task<string> IdAsync()
    {
        if (await users.FindByIdAsync(Id) is not null)
        {
            return Id;
        }

        var account = new FolioUser
        {
            Id = Id,
            UserName = UserName,
            // Identity requires an address; .invalid never delivers (RFC 2606), as the former-member account's.
            Email = "fediverse@fediverse.invalid",
            DisplayName = DisplayName,
            Bio = "Replies and reports from people on other servers of the fediverse.",
            JoinedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        var created = await users.CreateAsync(account);
        if (created.Succeeded || await users.FindByIdAsync(Id) is not null)
        {
            // Or another inbox request made it a moment ago.
            return Id;
        }

        throw new InvalidOperationException("Could not create the fediverse account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
    }
}
