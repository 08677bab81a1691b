using Microsoft.EntityFrameworkCore;

namespace Folio.Shared;

public interface IPagedList
{
    int Page { get; }
    int TotalPages { get; }
    bool HasPrevious { get; }
    bool HasNext { get; }

    /// <summary>The query parameter that carries the page number; a list inside a bigger page uses its own.</summary>
    string QueryName => "page";

    /// <summary>Where the pager's links land on the page, when the list is not at its top.</summary>
    string? Fragment => null;
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount) : IPagedList
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;

    /// <summary>Asked for a page past the end of a non-empty list: the caller answers 404.</summary>
    public bool IsPastEnd => Page > TotalPages;
}

public static class Paging
{
    public const int DefaultPageSize = 12;

    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        return await query.ToPagedListOfCountAsync(page, total, pageSize, cancellationToken);
    }

    /// <summary>
    /// A page of a list whose length is stored beside it (a tag's or community's count of published stories): counting
    /// a tag of 30,000 stories for its pager cost more than reading the page.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListOfCountAsync<T>(
        this IQueryable<T> query, int page, int storedCount, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, storedCount);
    }
}
