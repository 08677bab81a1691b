using System.Globalization;

namespace Folio.Features.ChallengeAdmin;

/// <summary>
/// A date and time typed as it reads on a wall clock in a time zone, to UTC and back. A time the clocks skip (spring
/// forward) or pass twice (fall back) is refused with a message rather than guessed: an hour's error in a deadline
/// matters to the entrants.
/// </summary>
public static class LocalTimes
{
    /// <summary>What a datetime-local field sends and shows: 2027-03-28T09:00.</summary>
    public const string Format = "yyyy-MM-ddTHH:mm";

    public static (DateTime? Utc, string? Problem) ToUtc(string? typed, TimeZoneInfo zone, string what)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, $"Give the {what} date and time.");
        }

        if (!DateTime.TryParseExact(text, [Format, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, $"Give the {what} date and time as 2027-03-28T09:00.");
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (null, $"{text.Replace('T', ' ')} doesn’t happen in {zone.Id}: the clocks go forward then. Choose a time an hour later.");
        }

        if (zone.IsAmbiguousTime(local))
        {
            return (null, $"{text.Replace('T', ' ')} happens twice in {zone.Id}, when the clocks go back. Choose a time outside that hour.");
        }

        return (TimeZoneInfo.ConvertTimeToUtc(local, zone), null);
    }

    public static string FromUtc(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString(Format, CultureInfo.InvariantCulture);
}
