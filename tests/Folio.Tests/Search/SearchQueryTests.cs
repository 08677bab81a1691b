using Folio.Features.Search;

namespace Folio.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("river", "\"river\"*")]
    [InlineData("  River  bend ", "\"River\"* AND \"bend\"*")]
    [InlineData("title:foo NEAR(a b)", "\"title\"* AND \"foo\"* AND \"NEAR\"* AND \"a\" AND \"b\"")]
    [InlineData("\"slow water\" bridge", "\"slow water\" AND \"bridge\"*")]
    [InlineData("\"unterminated phrase", "\"unterminated\"* AND \"phrase\"*")]
    [InlineData("\"exact\"", "\"exact\"")]
    [InlineData("don't", "\"don\"* AND \"t\"")]
    [InlineData("café 42", "\"café\"* AND \"42\"*")]
    [InlineData("AND OR NOT *", "\"AND\"* AND \"OR\"* AND \"NOT\"*")]
    [InlineData("\"\" () * ^ - : 🌊", "")]
    public void QueriesBecomeQuotedTermsAndNeverSyntax(string typed, string expression) =>
        Assert.Equal(expression, SqliteSearchIndex.MatchExpression(SearchQuery.Parse(typed)));

    [Fact]
    public void TermsAndLengthAreCapped()
    {
        var many = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}")));
        Assert.Equal(SearchQuery.MaxTerms, many.Terms.Count);

        var beyondTheLimit = SearchQuery.Parse(new string(' ', SearchQuery.MaxLength) + "hidden");
        Assert.True(beyondTheLimit.IsEmpty);
    }

    [Fact]
    public void CombiningMarksStayWithTheirLetters()
    {
        Assert.Equal(["cafe\u0301"], SearchQuery.Parse("cafe\u0301!").Words);
    }

    [Fact]
    public void MarkersBecomeMarkAndEverythingElseIsEncoded()
    {
        var html = SearchMarkup.ToHtml($"<b>{SearchMarkup.Open}river{SearchMarkup.Close}</b> & {SearchMarkup.Close}x{SearchMarkup.Open}y").ToString();

        Assert.Equal("&lt;b&gt;<mark>river</mark>&lt;/b&gt; &amp; x<mark>y</mark>", html);
    }
}
