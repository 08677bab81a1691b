using Folio.Features.Labels;

namespace Folio.Tests.Labels;

public sealed class LabelNamesTests
{
    [Theory]
    [InlineData("ai-generated", StoryMaking.AiGenerated)]
    [InlineData("AI generated", StoryMaking.AiGenerated)]
    [InlineData("AI-assisted editing", StoryMaking.AiAssistedEditing)]
    [InlineData(" written_by_a_person ", StoryMaking.WrittenByAPerson)]
    public void MakingIsReadFromItsSlugOrDisplayName(string name, StoryMaking expected)
    {
        Assert.True(LabelNames.TryParseMaking(name, out var making));
        Assert.Equal(expected, making);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("robot")]
    public void UnknownMakingsAreRefused(string name) => Assert.False(LabelNames.TryParseMaking(name, out _));

    [Fact]
    public void EveryLabelReadsBackFromItsSlugAndDisplayName()
    {
        foreach (var making in StoryLabels.Makings)
        {
            Assert.True(LabelNames.TryParseMaking(LabelNames.Slug(making), out var bySlug) && bySlug == making);
            Assert.True(LabelNames.TryParseMaking(LabelNames.DisplayName(making), out var byName) && byName == making);
        }

        foreach (var warning in StoryLabels.Warnings)
        {
            Assert.True(LabelNames.TryParseWarning(LabelNames.Slug(warning), out var bySlug) && bySlug == warning);
            Assert.True(LabelNames.TryParseWarning(LabelNames.DisplayName(warning), out var byName) && byName == warning);
        }
    }

    [Fact]
    public void WarningsAreReadTogetherAndTheFirstUnknownOneIsNamed()
    {
        Assert.True(LabelNames.TryParseWarnings(["violence", "Self harm", ""], out var warnings, out _));
        Assert.Equal(ContentWarnings.Violence | ContentWarnings.SelfHarm, warnings);
        Assert.Equal(["violence", "self-harm"], LabelNames.Slugs(warnings));

        Assert.False(LabelNames.TryParseWarnings(["spoilers", "gore", "ghosts"], out _, out var unknown));
        Assert.Equal("gore", unknown);
    }

    [Fact]
    public void ParseSaysWhatToFixForEachLabel()
    {
        var (labels, errors) = StoryLabelSet.Parse("robot", ["gore"], new string('x', StoryLabels.MaxWarningNote + 1));

        Assert.Null(labels);
        Assert.Contains("“robot” isn’t a way a story is made", errors[nameof(StoryLabelSet.Making)]);
        Assert.Contains("“gore” isn’t a content warning", errors[nameof(StoryLabelSet.Warnings)]);
        Assert.Contains("200 characters", errors[nameof(StoryLabelSet.WarningNote)]);

        var (ok, none) = StoryLabelSet.Parse(null, [], "  ");
        Assert.Empty(none);
        Assert.Equal(StoryLabelSet.None, ok);
    }

    [Fact]
    public void LabelsThatOnlyWarnMoreTellAtLeastWhatTheyDidBefore()
    {
        var before = new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.Violence, "War");

        Assert.True(new StoryLabelSet(StoryMaking.AiGenerated, ContentWarnings.Violence | ContentWarnings.Abuse, "War").TellsAtLeast(before));
        Assert.False(new StoryLabelSet(StoryMaking.WrittenByAPerson, ContentWarnings.Violence, "War").TellsAtLeast(before));
        Assert.False(new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.None, "War").TellsAtLeast(before));
        Assert.False(new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.Violence, null).TellsAtLeast(before));
    }
}
