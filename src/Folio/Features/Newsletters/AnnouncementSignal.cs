using Folio.Features.Scaling;

namespace Folio.Features.Newsletters;

/// <summary>Wakes the announcement workers as soon as a story is published instead of at their next poll.</summary>
public sealed class AnnouncementSignal(IQueueWakeUps wakeUps) : QueueSignal("announcements", wakeUps);
