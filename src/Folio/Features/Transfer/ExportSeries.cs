using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's series: each with its parts (stories by their id in the file, in order) and its subscribers.</summary>
internal sealed class ExportSeries(FolioDb db, Utf8JsonWriter json, ExportWriter writer)
{
    public Task<int> WriteAsync() => writer.ArrayAsync("series",
        db.Series.AsNoTracking().OrderBy(s => s.Id).Select(s => new
        {
            Series = s,
            Parts = db.Stories.Where(p => p.SeriesId == s.Id).OrderBy(p => p.SeriesPosition).ThenBy(p => p.Id).Select(p => p.Id).ToList(),
            Subscribers = db.SeriesSubscriptions.Where(x => x.SeriesId == s.Id).OrderBy(x => x.UserId).Select(x => new { x.UserId, x.CreatedAt }).ToList(),
        }).AsSplitQuery(), row =>
    {
        var s = row.Series;
        json.WriteNumber("id", s.Id);
        json.WriteString("author", writer.Username(s.AuthorId));
        json.WriteString("title", s.Title);
        json.WriteString("slug", s.Slug);
        json.WriteString("description", s.Description);
        json.WriteString("coverImageUrl", s.CoverImageUrl);
        json.WriteString("coverAltText", s.CoverAltText);
        json.WriteString("createdAt", s.CreatedAt);
        json.WriteString("updatedAt", s.UpdatedAt);
        json.WriteStartArray("parts");
        row.Parts.ForEach(json.WriteNumberValue);
        json.WriteEndArray();
        json.WriteStartArray("subscribers");
        foreach (var subscriber in row.Subscribers)
        {
            json.WriteStartObject();
            json.WriteString("person", writer.Username(subscriber.UserId));
            json.WriteString("createdAt", subscriber.CreatedAt);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });
}
