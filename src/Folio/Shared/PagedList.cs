using Microsoft.EntityFrameworkCore;

namespace Folio.Shared;

public interface IPagedList
{
    int Page { get; }

    /// <summary>Null for a list paged without its length: the pager then says "Page N" and links on while there is more.</summary>
    int? TotalPages { get; }

    bool HasPrevious { get; }
    bool HasNext { get; }

    /// <summary>The query parameter that carries the page number; a list inside a bigger page uses its own.</summary>
    string QueryName => "page";

    /// <summary>Where the pager's links land on the page, when the list is not at its top.</summary>
    string? Fragment => null;
}

public sealed record PagedList<T> : IPagedList
{
    /// <summary>A page of a list whose length is known.</summary>
    public PagedList(IReadOnlyList<T> items, int page, int pageSize, int totalCount)
        : this(items, page, pageSize, totalCount, hasNext: page < PagesOf(totalCount, pageSize))
    {
    }

    private PagedList(IReadOnlyList<T> items, int page, int pageSize, int? totalCount, bool hasNext)
    {
        Items = items;
        Page = page;
        PageSize = pageSize;
        TotalCount = totalCount;
        HasNext = hasNext;
    }

    public IReadOnlyList<T> Items { get; }
    public int Page { get; }
    public int PageSize { get; }

    /// <summary>Null for a list paged without counting it.</summary>
    public int? TotalCount { get; }

    public bool HasNext { get; }
    public int? TotalPages => TotalCount is { } total ? PagesOf(total, PageSize) : null;
    public bool HasPrevious => Page > 1;

    /// <summary>Asked for a page past the end of a non-empty list: the caller answers 404.</summary>
    public bool IsPastEnd => TotalCount is { } total ? total > 0 && Page > TotalPages : Page > 1 && Items.Count == 0;

    /// <summary>The list has nothing in it at all, not just on this page.</summary>
    public bool IsEmpty => TotalCount is { } total ? total == 0 : Page == 1 && Items.Count == 0;

    /// <summary>A page of a list whose length is unknown: <paramref name="hasNext"/> says whether another page follows.</summary>
    public static PagedList<T> Uncounted(IReadOnlyList<T> items, int page, int pageSize, bool hasNext) =>
        new(items, page, pageSize, totalCount: null, hasNext);

    /// <summary>The same page of the same list, its rows turned into what the page shows.</summary>
    public PagedList<TShown> WithItems<TShown>(IReadOnlyList<TShown> items) => new(items, Page, PageSize, TotalCount, HasNext);

    private static int PagesOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
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

    /// <summary>
    /// A page of a list with no stored length that would cost a COUNT over all of it to measure (every published story
    /// a reader has not hidden): one row past the page says whether another follows, and the pager goes on without
    /// "of N".
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListWithoutCountAsync<T>(
        this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return PagedList<T>.Uncounted([.. rows.Take(pageSize)], page, pageSize, hasNext: rows.Count > pageSize);
    }
}
