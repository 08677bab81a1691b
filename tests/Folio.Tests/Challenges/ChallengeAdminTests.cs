using System.Net;
using Folio.Features.Audit;
using Folio.Features.Challenges;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges;

public sealed class ChallengeAdminTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A whole, valid form; each test changes what it is about.</summary>
    private static Dictionary<string, string> Form(string judges, string lead = "") => new()
    {
        ["Input.Title"] = "Winter Tales",
        ["Input.Slug"] = "",
        ["Input.Prompt"] = "Write about **snow**.",
        ["Input.HeroAltText"] = "",
        ["Input.CommunityId"] = "",
        ["Input.TimeZone"] = "UTC",
        ["Input.OpensAt"] = "2027-01-10T09:00",
        ["Input.ClosesAt"] = "2027-02-10T18:00",
        ["Input.MinWords"] = "500",
        ["Input.MaxWords"] = "3,000",
        ["Input.RequiredTags"] = "Winter, #Short Fiction",
        ["Input.EntriesPerCreator"] = "1",
        ["Input.EntrantRole"] = "creator",
        ["Input.JudgesPerEntry"] = "2",
        ["Input.Criteria[0].Name"] = "Fit to the prompt",
        ["Input.Criteria[0].Weight"] = "40",
        ["Input.Criteria[1].Name"] = "Craft",
        ["Input.Criteria[1].Weight"] = "40",
        ["Input.Criteria[2].Name"] = "Originality",
        ["Input.Criteria[2].Weight"] = "20%",
        ["Input.Criteria[3].Name"] = "",
        ["Input.Criteria[3].Weight"] = "",
        ["Input.FirstPrize"] = "$500",
        ["Input.RunnersUp"] = "3",
        ["Input.RunnerUpPrize"] = "A badge",
        ["Input.Judges"] = judges,
        ["Input.LeadJudge"] = lead,
    };

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Creator, "/error/403")]
    [InlineData(Persona.Trusted, "/error/403")]
    public async Task OnlyModeratorsAndAdminsReachTheChallengeAdminPages(Persona persona, string sentTo)
    {
        using var client = await _app.ClientForAsync(persona);

        foreach (var url in new[] { "/admin/challenges", "/admin/challenges/new", "/admin/challenges/1/edit" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
        }

        var formPage = persona == Persona.Anonymous ? "/signin" : "/write";
        var judge = await _app.Data.PersonAsync();
        var post = await client.Http.PostFormAsync("/admin/challenges/new", Form(judge.UserName!), formPage);
        Assert.Equal(sentTo, post.Headers.Location?.AbsolutePath);
        Assert.False(await _app.WithDbAsync(db => db.Challenges.AnyAsync()));
    }

    [Theory]
    [InlineData(Persona.Admin)]
    [InlineData(Persona.Moderator)]
    public async Task AnAdminOrModeratorCreatesAChallengeThatIsListedAndAudited(Persona persona)
    {
        var ada = await _app.Data.PersonAsync();
        var ben = await _app.Data.PersonAsync();
        var community = await _app.Data.CommunityAsync();
        using var editor = await _app.ClientForAsync(persona);
        var form = Form($"{ada.UserName}, @{ben.UserName}", ben.UserName!);
        form["Input.CommunityId"] = community.Id.ToString();

        var created = await editor.Http.PostFormAsync("/admin/challenges/new", form);

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var challenge = await _app.WithDbAsync(db => db.Challenges.Include(c => c.Criteria).Include(c => c.Judges).SingleAsync());
        Assert.Equal($"/admin/challenges/{challenge.Id}/edit", created.Headers.Location?.OriginalString);
        Assert.Equal(("winter-tales", community.Id, 500, 3000), (challenge.Slug, challenge.CommunityId, challenge.MinWords, challenge.MaxWords));
        Assert.Contains("<strong>snow</strong>", challenge.PromptHtml);
        Assert.Equal(["winter", "short-fiction"], challenge.RequiredTags);
        Assert.Equal(("creator", 2), (challenge.EntrantRole, challenge.JudgesPerEntry));
        Assert.Equal(new DateTime(2027, 2, 10, 18, 0, 0), challenge.ClosesAt);
        Assert.Equal(["Fit to the prompt 40", "Craft 40", "Originality 20"], challenge.Criteria.OrderBy(c => c.Position).Select(c => $"{c.Name} {c.Weight}"));
        Assert.Equal([(ada.Id, false), (ben.Id, true)], challenge.Judges.OrderBy(j => j.UserId == ben.Id).Select(j => (j.UserId, j.IsLead)));
        Assert.Equal(editor.User!.Id, challenge.CreatedById);

        var edit = await editor.Http.GetHtmlAsync($"/admin/challenges/{challenge.Id}/edit");
        Assert.Contains("/challenges/winter-tales", edit.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("2027-01-10T09:00", edit.QuerySelector("input[name='Input.OpensAt']")?.GetAttribute("value"));
        Assert.Equal("Originality", edit.QuerySelector("input[name='Input.Criteria[2].Name']")?.GetAttribute("value"));
        Assert.Equal(6, edit.QuerySelectorAll("input[name$='].Weight']").Length);

        var list = await editor.Http.GetHtmlAsync("/admin/challenges");
        Assert.Equal("Winter Tales", list.QuerySelector("[data-challenge='winter-tales'] h2")?.TextContent.Trim());
        var home = await editor.Http.GetHtmlAsync("/admin");
        Assert.NotNull(home.QuerySelector("a[href='/admin/challenges']"));

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditActions.ChallengeCreate, "challenge", challenge.Id.ToString()), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Contains(editor.User.UserName!, entry.ActorName);
    }

    [Fact]
    public async Task EditingKeepsTheRowsAndAuditsOnlyWhatChanged()
    {
        var ada = await _app.Data.PersonAsync();
        var ben = await _app.Data.PersonAsync();
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await moderator.Http.PostFormAsync("/admin/challenges/new", Form(ada.UserName!));
        var id = await _app.WithDbAsync(db => db.Challenges.Select(c => c.Id).SingleAsync());
        var form = Form($"{ada.UserName}, {ben.UserName}", ada.UserName!);
        form["Input.Title"] = "Winter Tales, Again";
        form["Input.Slug"] = "winter-tales";
        form["Input.Criteria[1].Weight"] = "30";
        form["Input.Criteria[2].Weight"] = "30";

        var saved = await moderator.Http.PostFormAsync($"/admin/challenges/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var challenge = await _app.WithDbAsync(db => db.Challenges.Include(c => c.Criteria).Include(c => c.Judges).SingleAsync());
        Assert.Equal(("Winter Tales, Again", "winter-tales"), (challenge.Title, challenge.Slug));
        Assert.Equal([40, 30, 30], challenge.Criteria.OrderBy(c => c.Position).Select(c => c.Weight));
        Assert.Equal(2, challenge.Judges.Count);
        var edit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ChallengeEdit));
        Assert.Contains("title, criteria, judges", edit.Summary);
        Assert.DoesNotContain("closesAt", edit.After);
    }

    [Fact]
    public async Task OnceJudgesHaveScoredCriteriaCanBeReweightedButNotRemoved()
    {
        var ada = await _app.Data.PersonAsync();
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await moderator.Http.PostFormAsync("/admin/challenges/new", Form(ada.UserName!));
        var challenge = await _app.WithDbAsync(db => db.Challenges.Include(c => c.Criteria).SingleAsync());
        var community = await _app.Data.CommunityAsync();
        var story = await _app.EntryAsync(challenge, community, "A Scored Entry");
        await _app.WithDbAsync(async db =>
        {
            var entry = await db.ChallengeEntries.SingleAsync(e => e.StoryId == story.Id);
            db.ChallengeScores.Add(new() { EntryId = entry.Id, JudgeId = ada.Id, CriterionId = challenge.Criteria.First().Id, Score = 7 });
            await db.SaveChangesAsync();
        });
        var form = Form(ada.UserName!);
        form["Input.Criteria[2].Name"] = "";
        form["Input.Criteria[2].Weight"] = "";
        form["Input.Criteria[1].Weight"] = "60";

        var refused = await moderator.Http.PostFormAsync($"/admin/challenges/{challenge.Id}/edit", form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("but not add or remove one", (await refused.ReadHtmlAsync()).Body!.TextContent);
        Assert.Equal(3, await _app.WithDbAsync(db => db.Set<ChallengeCriterion>().CountAsync(c => c.ChallengeId == challenge.Id)));

        var reweighted = Form(ada.UserName!);
        reweighted["Input.Criteria[1].Weight"] = "30";
        reweighted["Input.Criteria[2].Weight"] = "30";
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.PostFormAsync($"/admin/challenges/{challenge.Id}/edit", reweighted)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownChallengeIdIsNotFound()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("/admin/challenges/999/edit")).StatusCode);
    }

    [Theory]
    [InlineData("Input.Criteria[2].Weight", "30", "Input.Criteria", "add up to 110%")]
    [InlineData("Input.ClosesAt", "2027-01-09T09:00", "Input.ClosesAt", "must close after it opens")]
    [InlineData("Input.MinWords", "5000", "Input.MaxWords", "below the minimum")]
    [InlineData("Input.Judges", "{ben}, nobody-by-this-name", "Input.Judges", "No account is called nobody-by-this-name")]
    [InlineData("Input.LeadJudge", "", "Input.LeadJudge", "Name the lead judge")]
    [InlineData("Input.TimeZone", "Mars/Olympus_Mons", "Input.TimeZone", "Choose the time zone")]
    [InlineData("Input.OpensAt", "next tuesday", "Input.OpensAt", "as 2027-03-28T09:00")]
    [InlineData("Input.EntriesPerCreator", "0", "Input.EntriesPerCreator", "1 or more")]
    [InlineData("Input.Title", "", "Input.Title", "Give the challenge a title")]
    public async Task MistakesComeBackWithWhatWasTypedAndA400(string field, string value, string errorField, string message)
    {
        var ada = await _app.Data.PersonAsync();
        var ben = await _app.Data.PersonAsync();
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = Form($"{ada.UserName}, {ben.UserName}", ben.UserName!);
        value = value.Replace("{ben}", ben.UserName, StringComparison.Ordinal);
        form[field] = value;

        var response = await admin.Http.PostFormAsync("/admin/challenges/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{errorField}']")?.TextContent);
        if (page.QuerySelector($"input[name='{field}']") is { } typed)
        {
            Assert.Equal(value, typed.GetAttribute("value"));
        }

        Assert.Equal("Write about **snow**.", page.QuerySelector("textarea[name='Input.Prompt']")?.TextContent.Trim());
        Assert.Equal("Originality", page.QuerySelector("input[name='Input.Criteria[2].Name']")?.GetAttribute("value"));
        Assert.Equal("Winter, #Short Fiction", page.QuerySelector("input[name='Input.RequiredTags']")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Challenges.AnyAsync()));
    }

    [Theory]
    [InlineData("winter-tales")]
    [InlineData("feed")]
    public async Task ATakenOrReservedSlugIsRefused(string slug)
    {
        var ada = await _app.Data.PersonAsync();
        using var admin = await _app.ClientForAsync(Persona.Admin);
        await admin.Http.PostFormAsync("/admin/challenges/new", Form(ada.UserName!));
        var form = Form(ada.UserName!);
        form["Input.Title"] = "Another";
        form["Input.Slug"] = slug;

        var response = await admin.Http.PostFormAsync("/admin/challenges/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains($"/challenges/{slug} is taken", page.QuerySelector("[data-valmsg-for='Input.Slug']")?.TextContent);
        Assert.Equal("Another", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Challenges.CountAsync()));
    }

    [Fact]
    public async Task LondonTimesAcrossTheSpringChangeAreStoredInUtcAndTheSkippedHourIsRefused()
    {
        var ada = await _app.Data.PersonAsync();
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = Form(ada.UserName!);
        form["Input.TimeZone"] = "Europe/London";
        // The clocks go forward at 01:00 GMT on 28 March 2027: noon on the 27th is GMT, noon on the 29th is BST.
        form["Input.OpensAt"] = "2027-03-27T12:00";
        form["Input.ClosesAt"] = "2027-03-29T12:00";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync("/admin/challenges/new", form)).StatusCode);

        var challenge = await _app.WithDbAsync(db => db.Challenges.SingleAsync());
        Assert.Equal(new DateTime(2027, 3, 27, 12, 0, 0), challenge.OpensAt);
        Assert.Equal(new DateTime(2027, 3, 29, 11, 0, 0), challenge.ClosesAt);

        form["Input.Title"] = "Skipped hour";
        form["Input.ClosesAt"] = "2027-03-28T01:30";
        var skipped = await admin.Http.PostFormAsync("/admin/challenges/new", form);
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("doesn’t happen in Europe/London", (await skipped.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.ClosesAt']")?.TextContent);
    }
}
