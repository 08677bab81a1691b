using Folio.Features.Explore;

namespace Folio.Tests.Unit;

public sealed class TrendingTests
{
    [Fact]
    public void MoreEngagementRanksHigherAtTheSameAge() =>
        Assert.True(Trending.Score(5, 0, 0, 0, 10) > Trending.Score(1, 0, 0, 0, 10));

    [Fact]
    public void TheSameEngagementSinksWithAge() =>
        Assert.True(Trending.Score(5, 2, 1, 40, 2) > Trending.Score(5, 2, 1, 40, 48));

    [Fact]
    public void CommentsWeighMoreThanInsightsWhichWeighMoreThanHeartsWhichWeighMoreThanReads()
    {
        Assert.True(Trending.Score(0, 0, 1, 0, 5) > Trending.Score(0, 1, 0, 0, 5));
        Assert.True(Trending.Score(0, 1, 0, 0, 5) > Trending.Score(1, 0, 0, 0, 5));
        Assert.True(Trending.Score(1, 0, 0, 0, 5) > Trending.Score(0, 0, 0, 1, 5));
    }

    [Fact]
    public void FiveReadsWeighAsMuchAsAHeart() =>
        Assert.Equal(Trending.Score(1, 0, 0, 0, 5), Trending.Score(0, 0, 0, 5, 5), 10);
}
