using Folio.Features.SiteAdmin;

namespace Folio.Features.Newsletters;

/// <summary>
/// When a reader's digest of a period (<see cref="Delivery.Daily"/> or <see cref="Delivery.Weekly"/>) was last due: the
/// site's digest hour, on the weekly day for a weekly one, in the reader's time zone (UTC when it is unknown). A reader
/// whose digest has not gone out since that moment is due.
/// </summary>
public static class DigestSchedule
{
    public static TimeSpan Length(Delivery period) => period == Delivery.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    /// <summary>The zone a digest is timed by: the reader's, if this machine knows it; UTC otherwise.</summary>
    public static TimeZoneInfo ZoneOf(string? zone) =>
        zone is not null && TimeZones.IsKnown(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>The latest moment, at or before <paramref name="utcNow"/>, at which the period's digest was due in the zone (UTC).</summary>
    public static DateTime LastDueAt(Delivery period, TimeZoneInfo zone, DateTime utcNow, SiteSettings site)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var day = localNow.Date;
        while (true)
        {
            if (period != Delivery.Weekly || day.DayOfWeek == site.WeeklyDigestDay)
            {
                var due = ToUtc(day.AddHours(site.DigestHour), zone);
                if (due <= utcNow)
                {
                    return due;
                }
            }

            day = day.AddDays(-1);
        }
    }

    /// <summary>A local time the clocks skip (a spring-forward gap) is read as the first moment after the gap.</summary>
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
