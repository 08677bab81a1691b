using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Settings;
using Folio.Features.SiteAdmin;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Newsletters;

/// <summary>
/// /settings/email: how new stories reach the reader by email (their default, and each follow's own choice), their time
/// zone for digests, and the notification emails, all saved by one form.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EmailSettingsModel(SignInManager<FolioUser> signIn, FolioDb db, CurrentSite site, PageHead head) : SettingsPage(signIn)
{
    public EmailSettingsInput Input { get; private set; } = new();

    public IReadOnlyList<FollowedForEmail> Creators { get; private set; } = [];

    public IReadOnlyList<FollowedForEmail> Communities { get; private set; } = [];

    /// <summary>When digests arrive, from the site's schedule: "Daily digests arrive at 08:00 your time; weekly ones on Mondays."</summary>
    public string DigestTimes { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        Input = new EmailSettingsInput
        {
            Delivery = Me.NewsletterDelivery.ToString(),
            TimeZone = Me.TimeZone,
            EmailOnReply = Me.EmailOnReply,
            EmailOnReview = Me.EmailOnReview,
            EmailOnChallengeResults = Me.EmailOnChallengeResults,
            EmailOnSeriesParts = Me.EmailOnSeriesParts,
            Creators = [.. Creators.Select(c => new FollowChoice { Id = c.Id, Delivery = c.Delivery?.ToString() ?? DeliveryChoices.Default })],
            Communities = [.. Communities.Select(c => new FollowChoice { Id = c.Id, Delivery = c.Delivery?.ToString() ?? DeliveryChoices.Default })],
        };
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] EmailSettingsInput input, CancellationToken cancellationToken)
    {
        Input = input;
        await ShowAsync(cancellationToken);
        var delivery = DeliveryChoices.Read(input.Delivery);
        if (delivery is null)
        {
            ModelState.AddModelError("Input.Delivery", "Choose how new stories reach you: each one, a daily or weekly digest, or none.");
        }

        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? null : input.TimeZone.Trim();
        if (zone is not null && !TimeZones.IsKnown(zone))
        {
            ModelState.AddModelError("Input.TimeZone", "Choose your time zone from the list.");
        }

        var subscriptions = await db.Subscriptions.Where(s => s.SubscriberId == Me.Id).ToDictionaryAsync(s => s.CreatorId, cancellationToken);
        var follows = await db.CommunityFollows.Where(f => f.UserId == Me.Id).ToDictionaryAsync(f => f.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var creatorChoices = Read(input.Creators, subscriptions.Keys, "Input.Creators", "a creator you don’t subscribe to");
        var communityChoices = Read(input.Communities, follows.Keys, "Input.Communities", "a community you don’t follow");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var (id, choice) in creatorChoices)
        {
            subscriptions[id].Delivery = choice;
        }

        foreach (var (id, choice) in communityChoices)
        {
            follows[id].Delivery = choice;
        }

        Me.NewsletterDelivery = delivery!.Value;
        Me.TimeZone = zone;
        Me.EmailOnReply = input.EmailOnReply;
        Me.EmailOnReview = input.EmailOnReview;
        Me.EmailOnChallengeResults = input.EmailOnChallengeResults;
        Me.EmailOnSeriesParts = input.EmailOnSeriesParts;

        // The account and its follows are tracked by the same context, so this one save stores all of them.
        var result = await Users.UpdateAsync(Me);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Your email choices could not be saved. Please try again.");
            return Page();
        }

        Status = "Your email choices are saved.";
        return RedirectToPage();
    }

    /// <summary>What each follow in the form chose (null: as the default); a follow that is not the reader's is refused.</summary>
    private Dictionary<string, Delivery?> Read(List<FollowChoice> choices, IEnumerable<string> mine, string field, string notMine)
    {
        var owned = mine.ToHashSet(StringComparer.Ordinal);
        var read = new Dictionary<string, Delivery?>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            if (choice.Id is null || !owned.Contains(choice.Id))
            {
                ModelState.AddModelError(field, $"The form named {notMine}. Reload this page and choose again.");
                continue;
            }

            if (choice.Delivery == DeliveryChoices.Default)
            {
                read[choice.Id] = null;
            }
            else if (DeliveryChoices.Read(choice.Delivery) is { } delivery)
            {
                read[choice.Id] = delivery;
            }
            else
            {
                ModelState.AddModelError(field, "Choose Default, Immediately, Daily digest, Weekly digest or Never for each one you follow.");
            }
        }

        return read;
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        head.Title = "Email choices";
        var settings = await site.GetAsync(cancellationToken);
        DigestTimes = $"Daily digests arrive at {settings.DigestHour:00}:00 your time; weekly ones on {settings.WeeklyDigestDay}s.";
        Creators = await db.Subscriptions.Where(s => s.SubscriberId == Me.Id)
            .OrderBy(s => s.Creator.DisplayName)
            .Select(s => new FollowedForEmail(s.CreatorId, s.Creator.DisplayName, "/authors/" + s.Creator.UserName, s.Delivery))
            .ToListAsync(cancellationToken);
        Communities = await db.CommunityFollows.Where(f => f.UserId == Me.Id)
            .OrderBy(f => f.Community.Name)
            .Select(f => new FollowedForEmail(f.CommunityId.ToString(), f.Community.Name, "/" + f.Community.Slug, f.Delivery))
            .ToListAsync(cancellationToken);
    }
}
