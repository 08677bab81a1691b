using Folio.Features.Tags;
using Folio.Shared;

namespace Folio.Tests.Unit;

public sealed class SlugTests
{
    [Theory]
    [InlineData("The River Remembers", "the-river-remembers")]
    [InlineData("Café Society: Notes from Zürich", "cafe-society-notes-from-zurich")]
    [InlineData("  Hello,   World!  ", "hello-world")]
    [InlineData("Don't Stop / Won’t Stop", "dont-stop-wont-stop")]
    [InlineData("Straße und Smørrebrød", "strasse-und-smorrebrod")]
    [InlineData("2026: A Year in 12 Rivers", "2026-a-year-in-12-rivers")]
    [InlineData("🎉🎉", "")]
    [InlineData("---", "")]
    public void TitlesBecomeLowercaseAsciiWithSingleHyphens(string title, string slug) =>
        Assert.Equal(slug, Slug.From(title));

    [Fact]
    public void LongTitlesAreCutWithoutATrailingHyphen()
    {
        var slug = Slug.From("aaaa bbbb cccc", maxLength: 10);
        Assert.Equal("aaaa-bbbb", slug);
    }

    [Theory]
    [InlineData("Slow Living")]
    [InlineData("slow living")]
    [InlineData("SLOW-LIVING")]
    [InlineData("  slow   living ")]
    public void TagNamesNormaliseToOneSlug(string name) => Assert.Equal("slow-living", TagSlug.From(name));
}
