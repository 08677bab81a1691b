using Folio.Features.Accounts;
using System.Security.Claims;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Reads;

public sealed record StoryReads(int Id, string Title, string Url, int Total, int Recent);

public sealed record ReadsPanel(IReadOnlyList<StoryReads> Stories, StoryReads? Selected, int RecentTotal, IHtmlContent Chart);

/// <summary>The reads section of the author's dashboard: reads per published story, and per day over the last 30 days.</summary>
public sealed class ReadsPanelViewComponent(FolioDb db, TimeProvider clock) : ViewComponent
{
    public const int Days = 30;
    public const string QueryName = "reads";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var authorId = UserClaimsPrincipal.UserId();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - Days);
        var stories = await db.Stories.Published().Where(s => s.AuthorId == authorId)
            .NewestFirst()
            .Select(s => new StoryReads(s.Id, s.Title, StoryLinks.Path(s.Community.Slug, s.Slug),
                db.StoryReadDays.Where(d => d.StoryId == s.Id).Sum(d => d.Reads),
                db.StoryReadDays.Where(d => d.StoryId == s.Id && d.Day >= from && d.Day <= today).Sum(d => d.Reads)))
            .ToListAsync(HttpContext.RequestAborted);
        if (stories.Count == 0)
        {
            return Content("");
        }

        // The filter is looked up among the author's own stories, so another author's id shows nothing of theirs.
        var selected = int.TryParse(Request.Query[QueryName], out var id) ? stories.FirstOrDefault(s => s.Id == id) : null;
        var ids = selected is null ? stories.Select(s => s.Id).ToList() : [selected.Id];
        var perDay = await db.StoryReadDays.Where(d => ids.Contains(d.StoryId) && d.Day >= from && d.Day <= today)
            .GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Reads = g.Sum(d => d.Reads) })
            .ToDictionaryAsync(d => d.Day, d => d.Reads, HttpContext.RequestAborted);
        var series = Enumerable.Range(0, Days).Select(i => from.AddDays(i)).Select(day => new ReadsOnDay(day, perDay.GetValueOrDefault(day))).ToList();
        var subject = selected is null ? "all your stories" : $"“{selected.Title}”";
        return View("~/Features/Reads/_ReadsPanel.cshtml",
            new ReadsPanel(stories, selected, series.Sum(d => d.Reads), ReadsChart.Render(series, subject)));
    }
}
