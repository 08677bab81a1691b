namespace Folio.Features.Labels;

/// <summary>How a story was made, as its creator declares it (a moderator may correct it).</summary>
public enum StoryMaking
{
    WrittenByAPerson = 0,
    AiAssistedEditing = 1,
    AiGenerated = 2,
}
