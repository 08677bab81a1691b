using Folio.Features.Caching;

namespace Folio.Tests.Unit;

public sealed class EvictionCursorTests
{
    private static readonly TimeSpan Now = TimeSpan.FromMinutes(5);

    [Fact]
    public void ARowIsReadOnceAndRowsUpToWhereTheCursorStartedAreNot()
    {
        var cursor = new EvictionCursor(newest: 10);

        Assert.False(cursor.Read(10, Now));
        Assert.True(cursor.Read(11, Now));
        Assert.False(cursor.Read(11, Now));
        Assert.Equal(11, cursor.ReadFrom);
    }

    [Fact]
    public void ARowCommittedAfterALaterOneIsStillReadWhenItShowsUp()
    {
        var cursor = new EvictionCursor(newest: 10);

        Assert.True(cursor.Read(13, Now));
        Assert.Equal(10, cursor.ReadFrom);
        Assert.True(cursor.Read(12, Now));
        Assert.True(cursor.Read(11, Now));
        Assert.False(cursor.Read(12, Now));
        Assert.Equal(13, cursor.ReadFrom);
    }

    [Fact]
    public void AnIdThatStaysEmptyIsForgottenOnceItsPatienceRunsOut()
    {
        var cursor = new EvictionCursor(newest: 10);
        cursor.Read(12, Now);

        cursor.ForgetOldGaps(Now + EvictionCursor.GapPatience);
        Assert.Equal(10, cursor.ReadFrom);
        cursor.ForgetOldGaps(Now + EvictionCursor.GapPatience + TimeSpan.FromSeconds(1));

        Assert.Equal(12, cursor.ReadFrom);
    }
}
