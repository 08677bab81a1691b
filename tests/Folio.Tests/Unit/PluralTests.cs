using Folio.Shared;

namespace Folio.Tests.Unit;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 insights")]
    [InlineData(1, "1 insight")]
    [InlineData(2, "2 insights")]
    [InlineData(12345, "12,345 insights")]
    public void ACountTakesTheSingularForExactlyOne(int count, string expected) =>
        Assert.Equal(expected, Plural.Of(count, "insight", "insights"));
}
