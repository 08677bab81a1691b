using Folio.Features.Stories;

namespace Folio.Features.Writing;

public static class EditorLabels
{
    public static string Status(StoryStatus status) => status switch
    {
        StoryStatus.Draft => "Draft",
        StoryStatus.Pending => "In review",
        StoryStatus.SentBack => "Sent back",
        StoryStatus.Published => "Published",
        StoryStatus.Held => "Entered · unseen until the challenge closes",
        _ => "Unpublished",
    };
}
