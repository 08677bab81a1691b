using Folio.Features.Accounts;
using Folio.Features.Creators;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// The one local account that stands for everyone on the fediverse where a row needs a local author or reporter: a
/// remote reply is a <c>Comment</c> by this account with its <c>RemoteActorId</c> naming who wrote it, and a Flag is a
/// report by it naming the actor who sent it. Its username starts with an underscore, which no local username can
/// (<c>UsernameRules</c>), and its id is fixed, so it can never be a person's account; it has no password and is locked.
/// </summary>
public sealed class FediverseAccount(LockedAccounts accounts)
{
    public const string Id = "fediverse";
    public const string UserName = "_fediverse";
    public const string DisplayName = "The fediverse";

    public async Task<string> IdAsync()
    {
        var account = await accounts.FindOrCreateAsync(users => users.FindByIdAsync(Id), new FolioUser
        {
            Id = Id,
            UserName = UserName,
            // Identity wants a unique address; .invalid never delivers (RFC 2606), and the notifier sends nothing to it.
            Email = "fediverse@fediverse.invalid",
            DisplayName = DisplayName,
            Bio = "Replies and reports from people on other servers of the fediverse.",
        });
        return account.Id;
    }
}
