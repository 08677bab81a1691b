using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StoryWorkflowQueries
{
    /// <summary>What <see cref="StoryWorkflow"/> reads besides the story itself.</summary>
    public static IQueryable<Story> ForWorkflow(this IQueryable<Story> stories) =>
        stories.Include(s => s.Community).Include(s => s.Tags).Include(s => s.Revision);
}
