using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Api;

/// <summary>The `cursor` and `limit` every list accepts, checked once.</summary>
public sealed record ApiPageRequest(ApiCursor? After, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The request, or the 400 that says which parameter is wrong.</summary>
    public static (ApiPageRequest? Request, ValidationProblem? Problem) Read(string? cursor, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Ask for 1–{MaxLimit} items per page."];
        }

        if (!ApiCursor.TryDecode(cursor, out var after))
        {
            errors["cursor"] = ["This cursor isn't one the API gave out. Pass the `next` value of the previous page unchanged, or leave it out to start at the beginning."];
        }

        return errors.Count > 0
            ? (null, TypedResults.ValidationProblem(errors, title: "The list parameters are not valid"))
            : (new ApiPageRequest(after, limit ?? DefaultLimit), null);
    }

    /// <summary>Turns the rows fetched with <c>Take(Limit + 1)</c> into a page whose `next` starts after its last item.</summary>
    public CursorPage<TItem> ToPage<TRow, TItem>(IReadOnlyList<TRow> rows, Func<TRow, ApiCursor> position, Func<TRow, TItem> item)
    {
        var items = rows.Take(Limit).ToList();
        var next = rows.Count > Limit ? position(items[^1]).Encode() : null;
        return new CursorPage<TItem>(items.Select(item).ToList(), next);
    }
}
