using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Newsletters;

/// <summary>
/// The time zones readers have set, and null when some have set none: a few hundred at most, each found by one seek on
/// the users' time-zone index (a skip scan), so a digest pass costs the same with 100 readers as with 100,000.
/// </summary>
public static class ReaderTimeZones
{
    // Each step seeks the next zone after the last one found; SELECT DISTINCT would read every user's row of the index.
    private const string NextZoneEachStep = """
        WITH RECURSIVE zones("Value") AS (
            SELECT (SELECT "TimeZone" FROM "AspNetUsers" WHERE "TimeZone" IS NOT NULL ORDER BY "TimeZone" LIMIT 1)
            UNION ALL
            SELECT (SELECT u."TimeZone" FROM "AspNetUsers" AS u WHERE u."TimeZone" > zones."Value" ORDER BY u."TimeZone" LIMIT 1)
            FROM zones WHERE zones."Value" IS NOT NULL)
        SELECT "Value" FROM zones WHERE "Value" IS NOT NULL
        """;

    public static async Task<List<string?>> InUseAsync(FolioDb db, CancellationToken cancellationToken)
    {
        List<string?> zones = [.. await db.Database.SqlQueryRaw<string>(NextZoneEachStep).ToListAsync(cancellationToken)];
        if (await db.Users.AnyAsync(u => u.TimeZone == null, cancellationToken))
        {
            zones.Add(null);
        }

        return zones;
    }
}
