using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Standing;

public enum AccountState
{
    Suspended,
    Banned,
    Unconfirmed,
}

/// <summary>Puts an account in a standing directly in the database, as the admin pages will.</summary>
public static class StandingCalls
{
    public const string Reason = "posting the same link everywhere";

    /// <summary>An app that requires confirmed email, so every state can be tried on it.</summary>
    public static FolioApp RequiringConfirmedEmail(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Folio:Site:RequireConfirmedEmail"] = "true";
        return new FolioApp(settings: settings);
    }

    public static Task PutInAsync(this FolioApp app, FolioUser user, AccountState state) =>
        app.WithDbAsync(async db =>
        {
            var stored = (await db.Users.FindAsync(user.Id))!;
            stored.EmailConfirmed = state != AccountState.Unconfirmed;
            stored.SuspendedUntil = state == AccountState.Suspended ? app.Clock.UtcNow.AddDays(3) : null;
            stored.Banned = state == AccountState.Banned;
            stored.SuspensionReason = state == AccountState.Unconfirmed ? null : Reason;
            await db.SaveChangesAsync();
        });

    public static Task ConfirmAsync(this FolioApp app, FolioUser user) =>
        app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.EmailConfirmed = true;
            await db.SaveChangesAsync();
        });

    /// <summary>What the refusal must say for each state.</summary>
    public static string ExpectedWords(AccountState state) => state switch
    {
        AccountState.Suspended => "suspended until",
        AccountState.Banned => "banned",
        _ => "confirm your email",
    };

    public static async Task<(Story Story, FolioUser Author)> StoryAsync(FolioApp app)
    {
        var author = await app.Data.PersonAsync();
        await app.ConfirmAsync(author);
        return (await app.Data.StoryAsync(await app.Data.CommunityAsync(), author), author);
    }
}
