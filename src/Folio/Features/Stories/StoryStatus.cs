namespace Folio.Features.Stories;

public enum StoryStatus
{
    Draft,
    Pending,
    Published,
    SentBack,
    Unpublished,
}
