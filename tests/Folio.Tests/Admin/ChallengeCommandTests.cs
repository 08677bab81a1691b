using Folio.Features.Audit;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Admin;

public sealed class ChallengeCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly string _prompt = Path.Combine(Path.GetTempPath(), $"folio-prompt-{Guid.NewGuid():N}.md");

    public void Dispose()
    {
        _folio.Dispose();
        File.Delete(_prompt);
    }

    private async Task JudgesAsync(params string[] usernames)
    {
        foreach (var username in usernames)
        {
            var run = await _folio.RunAsync(["user", "add", "--email", $"{username}@example.org", "--username", username, "--name", username, "--role", "reader", "--password-stdin"],
                standardInput: "correct horse battery 1\n");
            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }

    [Fact]
    public async Task AddCreatesAChallengeInItsZoneEditKeepsWhatIsLeftOutAndListShowsIt()
    {
        await JudgesAsync("ada", "ben");
        await File.WriteAllTextAsync(_prompt, "Write about **snow**.");

        var add = await _folio.RunAsync("challenge", "add", "--title", "Winter Tales", "--prompt-file", _prompt,
            "--zone", "Europe/London", "--opens", "2027-07-01T09:00", "--closes", "2027-07-31T18:00+00:00", "--min-words", "500", "--tags", "Winter, Snow",
            "--judges", "ada,ben", "--lead-judge", "ben", "--criterion", "Fit to the prompt:40", "--criterion", "Craft:60", "--first-prize", "$500");
        var edit = await _folio.RunAsync("challenge", "edit", "winter-tales", "--title", "Winter Tales II", "--blind-judging", "true");
        var list = await _folio.RunAsync("challenge", "list");
        var badLimit = await _folio.RunAsync("challenge", "list", "--limit", "0");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal("created challenge winter-tales (/challenges/winter-tales)", add.Out.TrimEnd());
        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("edited challenge winter-tales (/challenges/winter-tales)", edit.Out.TrimEnd());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.NotEqual(0, badLimit.ExitCode);
        Assert.Equal("winter-tales\tupcoming\t2027-07-01T08:00Z\t2027-07-31T18:00Z\t0\tWinter Tales II", list.Out.TrimEnd());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var challenge = await app.WithDbAsync(db => db.Challenges.Include(c => c.Criteria).Include(c => c.Judges).ThenInclude(j => j.User).SingleAsync());
        Assert.Equal((new DateTime(2027, 7, 1, 8, 0, 0), 500, true), (challenge.OpensAt, challenge.MinWords, challenge.BlindJudging));
        Assert.Contains("<strong>snow</strong>", challenge.PromptHtml);
        Assert.Equal(["winter", "snow"], challenge.RequiredTags);
        Assert.Equal(["Fit to the prompt 40", "Craft 60"], challenge.Criteria.OrderBy(c => c.Position).Select(c => $"{c.Name} {c.Weight}"));
        Assert.Equal("ben", challenge.Judges.Single(j => j.IsLead).User.UserName);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "challenge").OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorName }).ToListAsync());
        Assert.Equal([AuditActions.ChallengeCreate, AuditActions.ChallengeEdit], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(AuditLog.CommandLineActor, e.ActorName));
    }

    [Fact]
    public async Task AddSaysWhatToFixOptionByOptionAndSavesNothing()
    {
        var run = await _folio.RunAsync("challenge", "add", "--title", "Winter Tales", "--prompt", "Snow.",
            "--opens", "2027-07-01T09:00", "--closes", "2027-06-01T09:00Z", "--criterion", "Fit:90", "--judges", "nobody");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--opens: Give the opening time with its offset", run.Error);
        Assert.Contains("--criterion: The weights add up to 90%", run.Error);
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        Assert.False(await app.WithDbAsync(db => db.Challenges.AnyAsync()));
    }

    [Fact]
    public async Task EditRefusesAnUnknownChallengeAndAnUnknownJudge()
    {
        await JudgesAsync("ada");
        Assert.Equal(0, (await _folio.RunAsync("challenge", "add", "--title", "Winter Tales", "--prompt", "Snow.", "--opens", "2027-07-01T09:00Z",
            "--closes", "2027-07-31T09:00Z", "--criterion", "Fit:100", "--judges", "ada")).ExitCode);

        var missing = await _folio.RunAsync("challenge", "edit", "summer-tales", "--title", "X");
        var unknownJudge = await _folio.RunAsync("challenge", "edit", "winter-tales", "--judges", "ada,nobody", "--lead-judge", "ada");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no challenge answers at /challenges/summer-tales", missing.Error);
        Assert.NotEqual(0, unknownJudge.ExitCode);
        Assert.Contains("--judges: No account is called nobody", unknownJudge.Error);
    }
}
