namespace Folio.Features.Scaling;

/// <summary>How a queue's wake-up reaches the workers on the other nodes, if there are any.</summary>
public interface IQueueWakeUps
{
    /// <summary>Tells the other nodes' workers for this queue to look at it now.</summary>
    void Announce(string queue);

    /// <summary>Calls <paramref name="wake"/> whenever another node announces work on this queue.</summary>
    void Listen(string queue, Action wake);
}

/// <summary>One node: the worker is woken in process, there is no one else to tell.</summary>
public sealed class InProcessQueueWakeUps : IQueueWakeUps
{
    public void Announce(string queue)
    {
    }

    public void Listen(string queue, Action wake)
    {
    }
}
