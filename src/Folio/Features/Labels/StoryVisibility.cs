using Folio.Features.Stories;
using Folio.Shared;

namespace Folio.Features.Labels;

public static class StoryVisibility
{
    /// <summary>
    /// The stories this reader has not chosen to hide. Choices that hide nothing leave the query as it was, so a
    /// visitor's and most readers' lists run the same SQL as before; the tests are on the story's own row, never a
    /// query per card.
    /// </summary>
    public static IQueryable<Story> VisibleTo(this IQueryable<Story> stories, ReadingChoices choices)
    {
        if (choices.HideAiGenerated)
        {
            stories = stories.Where(s => s.Making != StoryMaking.AiGenerated);
        }

        if (choices.HiddenWarnings != ContentWarnings.None)
        {
            var hidden = choices.HiddenWarnings;
            stories = stories.Where(s => (s.Warnings & hidden) == ContentWarnings.None);
        }

        return stories;
    }

    /// <summary>
    /// A page of a list whose length is stored beside it (a tag's, a community's). The stored count is every story, so
    /// for a reader who hides some the page goes on without a length: a COUNT of what they see would read the whole list.
    /// </summary>
    public static Task<PagedList<T>> ToPagedListForAsync<T>(
        this IQueryable<T> query, ReadingChoices choices, int page, int storedCount, CancellationToken cancellationToken = default) =>
        choices.HidesAnything
            ? query.ToPagedListWithoutCountAsync(page, cancellationToken: cancellationToken)
            : query.ToPagedListOfCountAsync(page, storedCount, cancellationToken: cancellationToken);
}
