namespace Folio.Features.Labels;

public static class StoryLabels
{
    public const int MaxWarningNote = 200;
}
