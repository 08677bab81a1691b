using System.Net;
using AngleSharp.Html.Dom;
using Folio.Features.Mail;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Results;

public sealed class ChallengeResultsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PublishedResultsPutBadgesOnTheWinnersPagesCardsAndProfileAndNotBefore()
    {
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        var challenge = await _app.JudgedChallengeAsync([lead.User!], "Night Ferry");
        var (ana, ben) = (await _app.Data.PersonAsync(), await _app.Data.PersonAsync());
        var winner = await _app.EntryByAsync(challenge, community, ana, "Crossing at Two");
        var second = await _app.EntryByAsync(challenge, community, ben, "The Purser");
        var unplaced = await _app.EntryByAsync(challenge, community, ben, "Deck Chairs");
        await _app.ScoreEveryReadingAsync(challenge, title => title.Length % 10 + 1);
        var (winnerPath, secondPath) = ($"/{community.Slug}/{winner.Slug}", $"/{community.Slug}/{second.Slug}");

        // Visited before, so a cached copy would show no badge if publishing did not evict it.
        Assert.Null((await _app.GetPageAsync(winnerPath)).QuerySelector(".award-badge"));
        Assert.Empty((await _app.GetPageAsync($"/authors/{ana.UserName}")).QuerySelectorAll(".award-badge"));
        Assert.Empty((await _app.GetPageAsync($"/{community.Slug}")).QuerySelectorAll(".award-badge"));

        await lead.PublishAsync(_app, challenge, winner, second);

        var badge = (await _app.GetPageAsync(winnerPath)).QuerySelector(".story-award .award-badge");
        Assert.Equal(("Winner of Night Ferry", $"/challenges/{challenge.Slug}"), (badge?.TextContent.Trim(), badge?.GetAttribute("href")));
        Assert.Equal("Second place in Night Ferry", (await _app.GetPageAsync(secondPath)).QuerySelector(".story-award .award-badge")?.TextContent.Trim());
        Assert.Null((await _app.GetPageAsync($"/{community.Slug}/{unplaced.Slug}")).QuerySelector(".award-badge"));

        Assert.Equal(
            [("Crossing at Two", "Winner of Night Ferry"), ("The Purser", "Second place in Night Ferry")],
            CardBadges(await _app.GetPageAsync($"/{community.Slug}")).Order());
        var profile = await _app.GetPageAsync($"/authors/{ben.UserName}");
        Assert.Equal([("The Purser", "Second place in Night Ferry")], CardBadges(profile));
        Assert.Equal(["Second place in Night Ferry The Purser"],
            profile.QuerySelectorAll("[data-awards] li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Empty((await _app.GetPageAsync($"/authors/{lead.User!.UserName}")).QuerySelectorAll("[data-awards]"));
    }

    [Fact]
    public async Task EveryEntrantIsToldOfTheResultsWithTheirPlaceAndOnlyThoseWhoChoseItAreEmailed()
    {
        await _app.PauseMailAsync();
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        using var ana = await _app.ClientForAsync(Persona.Reader);
        using var ben = await _app.ClientForAsync(Persona.Reader);
        using var cy = await _app.ClientForAsync(Persona.Reader);
        using var bystander = await _app.ClientForAsync(Persona.Reader);
        var settings = await cy.Http.GetHtmlAsync("/settings/email");
        Assert.True(settings.QuerySelector("input[name='Input.EmailOnChallengeResults'][type=checkbox]")!.HasAttribute("checked"));
        var saved = await cy.Http.PostFormAsync("/settings/email",
            [new("Input.Delivery", "Immediately"), new("Input.EmailOnReply", "true"), new("Input.EmailOnReview", "true"), new("Input.EmailOnChallengeResults", "false")],
            "/settings/email");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False((await cy.Http.GetHtmlAsync("/settings/email")).QuerySelector("input[name='Input.EmailOnChallengeResults'][type=checkbox]")!.HasAttribute("checked"));

        var challenge = await _app.JudgedChallengeAsync([lead.User!], "Night Ferry");
        var winner = await _app.EntryByAsync(challenge, community, ana.User!, "Crossing at Two");
        await _app.EntryByAsync(challenge, community, ben.User!, "The Purser");
        await _app.EntryByAsync(challenge, community, cy.User!, "Deck Chairs");
        await _app.ScoreEveryReadingAsync(challenge, _ => 7);
        Assert.Empty(await NoticesAsync(ana));

        await lead.PublishAsync(_app, challenge, winner);

        Assert.Equal(["Your story “Crossing at Two” won Night Ferry: see the judges’ scores and notes"], (await ana.Http.GetHtmlAsync("/notifications")).Lines());
        Assert.Equal(["The results of Night Ferry are out: see the judges’ scores and notes for “The Purser”"], (await ben.Http.GetHtmlAsync("/notifications")).Lines());
        Assert.Single((await cy.Http.GetHtmlAsync("/notifications")).Lines());
        Assert.Empty(await NoticesAsync(lead));
        Assert.Empty(await NoticesAsync(bystander));
        var notice = (await NoticesAsync(ana)).Single();
        Assert.Equal(NotificationKind.ChallengePlaced, notice.Kind);
        var opened = await ana.Http.GetAsync($"/notifications/{notice.Id}");
        Assert.Equal($"/challenges/{challenge.Slug}/my-scores", opened.Headers.Location?.OriginalString);

        var emails = await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.Kind == EmailKind.Notification)
            .Select(e => new { e.ToAddress, e.Content.Subject, e.Content.Text }).ToListAsync());
        Assert.Equal(
            [(ben.User!.Email, "The results of Night Ferry are out"), (ana.User!.Email, "Winner of Night Ferry: “Crossing at Two”")],
            emails.Select(e => ((string?)e.ToAddress, e.Subject)).OrderBy(e => e.Subject));
        Assert.All(emails, e => Assert.Contains($"/challenges/{challenge.Slug}/my-scores", e.Text));
    }

    [Fact]
    public async Task TheScoresPageShowsAnEntrantOnlyTheirOwnScoresAndNotesOnceTheResultsAreOut()
    {
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        var second = await _app.Data.PersonAsync(displayName: "Rosa Marsh");
        using var ana = await _app.ClientForAsync(Persona.Reader);
        using var ben = await _app.ClientForAsync(Persona.Reader);
        using var stranger = await _app.ClientForAsync(Persona.Moderator);
        var challenge = await _app.JudgedChallengeAsync([lead.User!, second], "Night Ferry");
        var winner = await _app.EntryByAsync(challenge, community, ana.User!, "Crossing at Two");
        await _app.EntryByAsync(challenge, community, ben.User!, "The Purser");
        await _app.ScoreEveryReadingAsync(challenge, title => title == "Crossing at Two" ? 9 : 4);
        var path = $"/challenges/{challenge.Slug}/my-scores";

        var early = await ana.Http.GetHtmlAsync(path);
        Assert.Equal("Scores and the judges’ notes are shared with you once the results are out.", early.QuerySelector("[data-not-yet]")?.TextContent.Trim());
        Assert.Empty(early.QuerySelectorAll("[data-judge]"));

        await lead.PublishAsync(_app, challenge, winner);

        var page = await ana.Http.GetHtmlAsync(path);
        // (9 × 60 + 5 × 40) / 100 = 7.4 from each judge.
        Assert.Equal("7.40", page.QuerySelector("[data-score]")?.TextContent.Trim());
        Assert.Equal("Winner", page.QuerySelector("[data-placement]")?.TextContent.Trim());
        Assert.Equal(
            [$"{lead.User!.DisplayName} 9 5 7.40", "Rosa Marsh 9 5 7.40"],
            page.QuerySelectorAll("[data-judge]").Select(Row).Order());
        Assert.Equal(
            [$"{lead.User.DisplayName}: {lead.User.DisplayName} on Crossing at Two: keep going.", "Rosa Marsh: Rosa Marsh on Crossing at Two: keep going."],
            page.QuerySelectorAll("[data-note]").Select(li => li.TextContent.Trim()).Order());
        Assert.DoesNotContain("The Purser", page.Body!.TextContent);
        Assert.Contains("on The Purser", (await ben.Http.GetHtmlAsync(path)).Body!.TextContent);
        Assert.DoesNotContain("Crossing at Two", (await ben.Http.GetHtmlAsync(path)).Body!.TextContent);
        Assert.NotNull((await ana.Http.GetHtmlAsync($"/challenges/{challenge.Slug}")).QuerySelector($"a[data-my-scores-link][href='{path}']"));
        Assert.Null((await stranger.Http.GetHtmlAsync($"/challenges/{challenge.Slug}")).QuerySelector("a[data-my-scores-link]"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Http.GetAsync("/challenges/no-such-challenge/my-scores")).StatusCode);
        using var anonymous = _app.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ABlindChallengesScoresPageNumbersTheJudgesInsteadOfNamingThem()
    {
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        var second = await _app.Data.PersonAsync(displayName: "Rosa Marsh");
        using var ana = await _app.ClientForAsync(Persona.Reader);
        var challenge = await _app.JudgedChallengeAsync([lead.User!, second], "Night Ferry", c => c.BlindJudging = true);
        var winner = await _app.EntryByAsync(challenge, community, ana.User!, "Crossing at Two");
        await _app.ScoreEveryReadingAsync(challenge, _ => 6);
        await lead.PublishAsync(_app, challenge, winner);

        var page = await ana.Http.GetHtmlAsync($"/challenges/{challenge.Slug}/my-scores");

        Assert.Equal(["Judge 1", "Judge 2"], page.QuerySelectorAll("[data-judge] th").Select(th => th.TextContent.Trim()));
        Assert.Equal(2, page.QuerySelectorAll("[data-note]").Length);
        var table = page.QuerySelector(".my-scores__table")!.TextContent;
        Assert.DoesNotContain("Rosa Marsh", table);
        Assert.DoesNotContain(lead.User!.DisplayName, table);
    }

    private static List<(string?, string?)> CardBadges(IHtmlDocument page) =>
        page.QuerySelectorAll(".story-card").Where(card => card.QuerySelector(".award-badge") is not null)
            .Select(card => (card.QuerySelector(".story-card__title")?.TextContent.Trim(), card.QuerySelector(".award-badge")?.TextContent.Trim())).ToList();

    private static string Row(AngleSharp.Dom.IElement row) =>
        string.Join(' ', row.Children.Select(cell => cell.TextContent.Trim()));

    private Task<List<Notification>> NoticesAsync(SignedInClient client) =>
        _app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == client.User!.Id).ToListAsync());
}
