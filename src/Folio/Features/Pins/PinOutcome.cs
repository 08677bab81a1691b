namespace Folio.Features.Pins;

public enum PinOutcome
{
    Pinned,
    Unpinned,
    NoSuchStory,
    NotPublished,

    /// <summary>A profile pin of someone else's story, or a community pin by someone who doesn't look after communities.</summary>
    NotAllowed,

    /// <summary>Three pins already: one has to go first.</summary>
    Full,
}
