using System.Linq.Expressions;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;

namespace Folio.Features.Api;

/// <summary>What a <see cref="StorySummary"/> is made of, read in the SQL of the list that shows it.</summary>
public sealed record StorySummaryRow(
    int Id, string Slug, string Community, string Title, string Subtitle, List<string> Tags, string Username, string DisplayName,
    int ReadingMinutes, DateTime PublishedAt, string? HeroImageUrl, StoryMaking Making, ContentWarnings Warnings, string? WarningNote)
{
    public StorySummary ToSummary(SiteUrls urls) => new(
        Id, Slug, urls.Absolute(StoryLinks.Path(Community, Slug)), Community, Title, Subtitle, Tags,
        StoryAuthorResponse.From(urls, Username, DisplayName), ReadingMinutes, PublishedAt, urls.AbsoluteMedia(HeroImageUrl),
        Making, LabelNames.Slugs(Warnings), WarningNote);
}

/// <summary>A row of a list of something else (an entry, a saved story, a pin) with its story's summary beside it.</summary>
public sealed record WithStorySummary<T>(T Item, StorySummaryRow Story);

/// <summary>The one projection of a published story into a <see cref="StorySummaryRow"/>, for every API list that shows them.</summary>
public static class StorySummaryRows
{
    private static readonly Expression<Func<Story, StorySummaryRow>> Row = s => new StorySummaryRow(
        s.Id, s.Slug, s.Community.Slug, s.Title, s.Subtitle, s.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
        s.Author.UserName!, s.Author.DisplayName, s.ReadingMinutes, s.PublishedAt!.Value, s.HeroImageUrl, s.Making, s.Warnings, s.WarningNote);

    public static IQueryable<StorySummaryRow> SelectSummaryRows(this IQueryable<Story> stories) => stories.Select(Row);

    /// <summary>
    /// Each row's <paramref name="item"/> and the summary of its <paramref name="story"/>, in one query: the projection is
    /// spliced into the row's own, so the database reads the same columns as if it were written out there.
    /// </summary>
    public static IQueryable<WithStorySummary<T>> SelectWithStorySummary<TSource, T>(
        this IQueryable<TSource> rows, Expression<Func<TSource, Story>> story, Expression<Func<TSource, T>> item)
    {
        var row = item.Parameters[0];
        var storyOfRow = new Substitution(story.Parameters[0], row).Visit(story.Body);
        var summary = new Substitution(Row.Parameters[0], storyOfRow).Visit(Row.Body);
        var both = Expression.New(typeof(WithStorySummary<T>).GetConstructors().Single(), item.Body, summary);
        return rows.Select(Expression.Lambda<Func<TSource, WithStorySummary<T>>>(both, row));
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
