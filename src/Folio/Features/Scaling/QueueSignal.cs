using System.Threading.Channels;

namespace Folio.Features.Scaling;

/// <summary>
/// Wakes a queue's worker as soon as work is queued instead of at its next poll. With Redis, a wake-up on any node
/// wakes the workers on every node; whichever claims an item first in the database handles it.
/// </summary>
public abstract class QueueSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IQueueWakeUps _wakeUps;

    protected QueueSignal(string queue, IQueueWakeUps wakeUps)
    {
        Queue = queue;
        _wakeUps = wakeUps;
        wakeUps.Listen(queue, WakeHere);
    }

    public string Queue { get; }

    public void Wake()
    {
        WakeHere();
        _wakeUps.Announce(Queue);
    }

    /// <summary>Returns when woken, or when the poll interval has passed without a wake-up.</summary>
    /// <summary>True when a wake-up ended the wait; false when the timeout passed without one.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up: the worker looks at its queue anyway.
            return false;
        }
    }

    private void WakeHere() => _channel.Writer.TryWrite(true);
}
