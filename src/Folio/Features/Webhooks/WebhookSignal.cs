using Folio.Features.Scaling;

namespace Folio.Features.Webhooks;

/// <summary>Wakes the webhook workers as soon as a delivery is queued instead of at their next poll.</summary>
public sealed class WebhookSignal(IQueueWakeUps wakeUps) : QueueSignal("webhooks", wakeUps);
