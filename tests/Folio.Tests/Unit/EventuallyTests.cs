namespace Folio.Tests.Unit;

public sealed class EventuallyTests
{
    [Fact]
    public async Task AWaitThatNeverHoldsFailsSayingWhatWasAwaitedAndWhatWasSeenLast()
    {
        var observed = 0;

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.ValueAsync(() => ++observed, count => count > 1_000_000,
            within: TimeSpan.FromMilliseconds(100), because: "a million observations"));

        Assert.StartsWith("Gave up after 0.1 s waiting for a million observations. Last observed: ", failure.Message);
        Assert.EndsWith($": {observed}", failure.Message);
    }

    [Fact]
    public async Task AnEntityIsDescribedByItsSimpleProperties()
    {
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.ValueAsync(() => new Delivery { Attempts = 2, Status = 503 },
            delivery => delivery.Attempts > 2, within: TimeSpan.Zero, because: "a third attempt"));

        Assert.EndsWith("Last observed: Delivery { Attempts = 2, Status = 503, DeliveredAt = null }", failure.Message);
    }

    [Fact]
    public async Task AWaitReturnsTheFirstValueThatHolds()
    {
        var observed = 0;

        Assert.Equal(3, await Eventually.ValueAsync(() => ++observed, count => count >= 3, within: TimeSpan.FromSeconds(30), because: "three observations"));
    }

    private sealed class Delivery
    {
        public int Attempts { get; init; }
        public int? Status { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public List<string> Log { get; } = [];
    }
}
