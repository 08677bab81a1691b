using Folio.Features.Challenges;
using Folio.Features.Challenges.Entering;

namespace Folio.Tests.Challenges.Entering;

/// <summary>The rules an entry keeps, each refusal in the words the author reads, at fixed moments.</summary>
public sealed class ChallengeRulesTests
{
    private static readonly DateTime Opens = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly Entrant Anyone = new(["reader"], OtherEntries: 0);
    private static readonly EntryDraft Fitting = new(2000, ["Lighthouses"]);

    private static Challenge Challenge() => new()
    {
        Slug = "lighthouse", Title = "The Lighthouse", PromptMarkdown = "", PromptHtml = "", CreatedById = "admin",
        OpensAt = Opens, ClosesAt = Closes, MinWords = 1500, MaxWords = 3000, RequiredTags = ["lighthouses"],
    };

    private static IReadOnlyList<string> Check(Challenge challenge, DateTime now, Entrant? entrant = null, EntryDraft? story = null, EntryCheck check = EntryCheck.Submit) =>
        EntryRules.Check(challenge, entrant ?? Anyone, story ?? Fitting, now, London, check);

    [Fact]
    public void AnEntryThatKeepsEveryRuleWhileOpenIsAccepted() =>
        Assert.Empty(Check(Challenge(), Opens.AddDays(3)));

    [Fact]
    public void BeforeOpeningItSaysWhenItOpensInTheReadersZone() =>
        Assert.Equal(["“The Lighthouse” is not open yet: it opens on 1 March 2026 at 09:00 (Europe/London)."], Check(Challenge(), Opens.AddSeconds(-1)));

    [Fact]
    public void AfterClosingLateEntriesAreRefusedWithTheClosingTimeInSummerTime()
    {
        // 23:00 UTC on 29 March 2026 is after London's clocks went forward that morning: 00:00 on the 30th, BST.
        Assert.Equal(["“The Lighthouse” closed on 30 March 2026 at 00:00 (Europe/London); late entries are not accepted."], Check(Challenge(), Closes));
    }

    [Fact]
    public void TheClosingMomentItselfIsLateAndTheMomentBeforeIsNot()
    {
        Assert.NotEmpty(Check(Challenge(), Closes));
        Assert.Empty(Check(Challenge(), Closes.AddTicks(-1)));
    }

    [Fact]
    public void AutumnClockChangeIsShownInWinterTime()
    {
        var challenge = Challenge();
        challenge.ClosesAt = new DateTime(2026, 10, 25, 12, 0, 0, DateTimeKind.Utc);
        Assert.Contains("closed on 25 October 2026 at 12:00 (Europe/London)", Check(challenge, challenge.ClosesAt.AddDays(1)).Single());
    }

    [Fact]
    public void WithoutTheEntrantRoleTheAuthorIsToldWhichRoleItTakes()
    {
        var challenge = Challenge();
        challenge.EntrantRole = "creator";
        Assert.Equal(["Only members with the “creator” role may enter “The Lighthouse”."], Check(challenge, Opens.AddDays(1)));
        Assert.Empty(Check(challenge, Opens.AddDays(1), new Entrant(["reader", "creator"], 0)));
    }

    [Fact]
    public void EntriesPerCreatorCountsTheAuthorsOtherEntries()
    {
        var challenge = Challenge();
        Assert.Equal(["You have already entered “The Lighthouse”; it takes one entry per creator. Withdraw that entry to enter this story instead."],
            Check(challenge, Opens.AddDays(1), new Entrant(["reader"], 1)));
        challenge.EntriesPerCreator = 3;
        Assert.Empty(Check(challenge, Opens.AddDays(1), new Entrant(["reader"], 2)));
        Assert.Equal(["You have already entered 3 stories in “The Lighthouse”; it takes at most 3 per creator."], Check(challenge, Opens.AddDays(1), new Entrant(["reader"], 3)));
    }

    [Theory]
    [InlineData(1240, 1500, 3000, "1,240 words; this challenge asks for 1,500 to 3,000 words.")]
    [InlineData(3001, 1500, 3000, "3,001 words; this challenge asks for 1,500 to 3,000 words.")]
    [InlineData(1, 500, null, "1 word; this challenge asks for at least 500 words.")]
    [InlineData(150, null, 100, "150 words; this challenge asks for at most 100 words.")]
    public void TooFewOrTooManyWordsSaysHowManyAndWhatItAsks(int words, int? min, int? max, string expected)
    {
        var challenge = Challenge();
        (challenge.MinWords, challenge.MaxWords) = (min, max);
        Assert.Equal([expected], Check(challenge, Opens.AddDays(1), story: new EntryDraft(words, ["lighthouses"])));
    }

    [Fact]
    public void MissingRequiredTagsAreNamedAndTagsCompareAsTagsDo()
    {
        var challenge = Challenge();
        challenge.RequiredTags = ["lighthouses", "slow-living"];
        Assert.Equal(["Add the tag “slow-living”: every entry in “The Lighthouse” carries “lighthouses”, “slow-living”."],
            Check(challenge, Opens.AddDays(1), story: new EntryDraft(2000, ["LIGHTHOUSES", "Harbours"])));
        Assert.Empty(Check(challenge, Opens.AddDays(1), story: new EntryDraft(2000, ["Lighthouses", "Slow Living"])));
    }

    [Fact]
    public void ADraftIsCheckedOnlyForTheWindowAndTheEntrant()
    {
        var tooShort = new EntryDraft(10, []);
        Assert.Empty(Check(Challenge(), Opens.AddDays(1), story: tooShort, check: EntryCheck.Draft));
        Assert.Equal(2, Check(Challenge(), Opens.AddDays(1), story: tooShort).Count);
    }

    [Fact]
    public void EveryBrokenRuleIsGivenAtOnce()
    {
        var challenge = Challenge();
        challenge.EntrantRole = "creator";
        Assert.Equal(5, Check(challenge, Closes.AddDays(1), new Entrant(["reader"], 1), new EntryDraft(10, [])).Count);
    }
}
