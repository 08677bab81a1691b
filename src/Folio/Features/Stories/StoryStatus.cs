namespace Folio.Features.Stories;

public enum StoryStatus
{
    Draft,
    Pending,
    Published,
    SentBack,
    Unpublished,

    /// <summary>Approved or published by its author, but entered in a challenge that keeps entries unseen until it closes.</summary>
    Held,
}
