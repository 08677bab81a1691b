using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Reads;

public static class ReadCounter
{
    /// <summary>
    /// One statement, so two readers finishing at once can't both insert the day's first row:
    /// INSERT … ON CONFLICT DO UPDATE is the same on SQLite and PostgreSQL, Folio's two providers.
    /// </summary>
    public static Task CountReadAsync(this FolioDb db, int storyId, DateOnly day, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "StoryReadDays" ("StoryId", "Day", "Reads") VALUES ({storyId}, {day}, 1)
            ON CONFLICT ("StoryId", "Day") DO UPDATE SET "Reads" = "StoryReadDays"."Reads" + 1
            """, cancellationToken);
}
