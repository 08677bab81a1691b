namespace Folio.Features.Labels;

/// <summary>
/// The fixed list of content warnings a story can carry, stored as bits of one column: a reader's hidden warnings are
/// the same bits, so a list leaves out what they hide with one test per row.
/// </summary>
[Flags]
public enum ContentWarnings
{
    None = 0,
    Violence = 1,
    SelfHarm = 2,
    SexualContent = 4,
    Abuse = 8,
    SubstanceUse = 16,
    StrongLanguage = 32,
    Spoilers = 64,
}
