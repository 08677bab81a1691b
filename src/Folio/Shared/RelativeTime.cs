namespace Folio.Shared;

/// <summary>
/// "5 minutes ago", "about 1 hour ago", "over 1 year ago": the wording of date-fns
/// formatDistance (without seconds) with its suffix, band for band. wwwroot/js/relative-time.js
/// is the same function for an open tab.
/// </summary>
public static class RelativeTime
{
    private const int MinutesInDay = 1440;
    private const int MinutesInAlmostTwoDays = 2520;
    private const int MinutesInMonth = 43200;
    private const int MinutesInTwoMonths = 86400;

    public static string Ago(DateTime then, DateTime now)
    {
        var distance = Distance(then, now);
        return then <= now ? distance + " ago" : "in " + distance;
    }

    public static string Distance(DateTime a, DateTime b)
    {
        var (earlier, later) = a <= b ? (a, b) : (b, a);
        var seconds = Math.Truncate((later - earlier).TotalSeconds);
        var minutes = RoundHalfUp(seconds / 60);

        if (minutes < 2)
        {
            return minutes == 0 ? "less than a minute" : "1 minute";
        }

        if (minutes < 45)
        {
            return $"{minutes} minutes";
        }

        if (minutes < 90)
        {
            return "about 1 hour";
        }

        if (minutes < MinutesInDay)
        {
            return $"about {RoundHalfUp(minutes / 60.0)} hours";
        }

        if (minutes < MinutesInAlmostTwoDays)
        {
            return "1 day";
        }

        if (minutes < MinutesInMonth)
        {
            return $"{RoundHalfUp(minutes / (double)MinutesInDay)} days";
        }

        if (minutes < MinutesInTwoMonths)
        {
            var about = RoundHalfUp(minutes / (double)MinutesInMonth);
            return about == 1 ? "about 1 month" : $"about {about} months";
        }

        var months = WholeMonthsBetween(earlier, later);
        if (months < 12)
        {
            return $"{RoundHalfUp(minutes / (double)MinutesInMonth)} months";
        }

        var years = months / 12;
        return (months % 12) switch
        {
            < 3 => years == 1 ? "about 1 year" : $"about {years} years",
            < 9 => years == 1 ? "over 1 year" : $"over {years} years",
            _ => $"almost {years + 1} years",
        };
    }

    // JavaScript's Math.round: halves go up, unlike .NET's banker's rounding.
    private static long RoundHalfUp(double value) => (long)Math.Floor(value + 0.5);

    private static int WholeMonthsBetween(DateTime earlier, DateTime later)
    {
        var months = (later.Year - earlier.Year) * 12 + later.Month - earlier.Month;
        return later.AddMonths(-months) < earlier ? months - 1 : months;
    }
}
