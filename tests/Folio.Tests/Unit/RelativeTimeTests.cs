using Folio.Shared;

namespace Folio.Tests.Unit;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Then = new(2025, 1, 10, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "less than a minute ago")]
    [InlineData(29, "less than a minute ago")]
    [InlineData(30, "1 minute ago")]
    [InlineData(89, "1 minute ago")]
    [InlineData(90, "2 minutes ago")]
    [InlineData(5 * 60, "5 minutes ago")]
    [InlineData(44 * 60 + 29, "44 minutes ago")]
    [InlineData(44 * 60 + 30, "about 1 hour ago")]
    [InlineData(89 * 60 + 29, "about 1 hour ago")]
    [InlineData(89 * 60 + 30, "about 2 hours ago")]
    [InlineData(4 * 3600, "about 4 hours ago")]
    [InlineData(23 * 3600 + 59 * 60 + 29, "about 24 hours ago")]
    [InlineData(23 * 3600 + 59 * 60 + 30, "1 day ago")]
    [InlineData(41 * 3600 + 59 * 60 + 29, "1 day ago")]
    [InlineData(41 * 3600 + 59 * 60 + 30, "2 days ago")]
    [InlineData(29 * 86400 + 23 * 3600 + 59 * 60 + 29, "30 days ago")]
    [InlineData(29 * 86400 + 23 * 3600 + 59 * 60 + 30, "about 1 month ago")]
    [InlineData(44 * 86400 + 23 * 3600 + 59 * 60 + 29, "about 1 month ago")]
    [InlineData(44 * 86400 + 23 * 3600 + 59 * 60 + 30, "about 2 months ago")]
    [InlineData(59 * 86400 + 23 * 3600 + 59 * 60 + 29, "about 2 months ago")]
    public void ShortDistancesFollowDateFnsBands(int seconds, string expected) =>
        Assert.Equal(expected, RelativeTime.Ago(Then, Then.AddSeconds(seconds)));

    [Theory]
    [InlineData("2025-03-11T08:00:00Z", "2 months ago")] // 60 days: past the "about" band
    [InlineData("2025-07-10T08:00:00Z", "6 months ago")]
    [InlineData("2026-01-09T08:00:00Z", "12 months ago")] // one day short of a whole year
    [InlineData("2026-01-10T08:00:00Z", "about 1 year ago")]
    [InlineData("2026-04-09T08:00:00Z", "about 1 year ago")] // 14 whole months
    [InlineData("2026-04-10T08:00:00Z", "over 1 year ago")] // 15 months
    [InlineData("2026-10-09T08:00:00Z", "over 1 year ago")] // 20 whole months
    [InlineData("2026-10-10T08:00:00Z", "almost 2 years ago")] // 21 months
    [InlineData("2027-01-10T08:00:00Z", "about 2 years ago")]
    [InlineData("2027-05-10T08:00:00Z", "over 2 years ago")]
    public void LongDistancesCountWholeCalendarMonths(string now, string expected) =>
        Assert.Equal(expected, RelativeTime.Ago(Then, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void FutureTimesReadAsIn() =>
        Assert.Equal("in 5 minutes", RelativeTime.Ago(Then.AddMinutes(5), Then));
}
