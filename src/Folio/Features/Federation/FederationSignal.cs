using Folio.Features.Scaling;

namespace Folio.Features.Federation;

/// <summary>Wakes the federation delivery workers as soon as an activity is queued instead of at their next poll.</summary>
public sealed class FederationSignal(IQueueWakeUps wakeUps) : QueueSignal("federation", wakeUps);
