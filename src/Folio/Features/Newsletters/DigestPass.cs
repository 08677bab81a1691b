using Folio.Data;
using Folio.Features.Labels;
using Folio.Features.SiteAdmin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>
/// One look for due digests. Readers are grouped by the moment their digest was last due (their time zones, see
/// <see cref="ReaderTimeZones"/>), and each group is paged through by the (TimeZone, …DigestThrough) index: only readers
/// not done since that moment are read, a page at a time, and the page's new stories in one query
/// (<see cref="DigestStories.ForReadersAsync"/>). A reader who can be emailed, and follows something by this period that
/// published since their last digest, gets one (<see cref="DigestSender"/>); every other due reader is
/// marked done with one update per page, so each reader is read once per period, not once per pass.
/// </summary>
public sealed class DigestPass(FolioDb db, DigestStories stories, DigestSender sender, CurrentSite site, IOptions<DigestOptions> options)
{
    private static readonly Delivery[] Periods = [Delivery.Daily, Delivery.Weekly];

    /// <summary>Queues every digest due at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settings = await site.GetAsync(cancellationToken);
        var from = await sender.SiteAsync(settings.Name, cancellationToken);
        var zones = await ReaderTimeZones.InUseAsync(db, cancellationToken);
        var sent = 0;
        foreach (var period in Periods)
        {
            foreach (var group in zones.GroupBy(zone => DigestSchedule.LastDueAt(period, DigestSchedule.ZoneOf(zone), now, settings)))
            {
                sent += await RunAsync(period, group.Key, [.. group], from, cancellationToken);
            }
        }

        return sent;
    }

    private async Task<int> RunAsync(Delivery period, DateTime due, IReadOnlyList<string?> zones, DigestSite from, CancellationToken cancellationToken)
    {
        List<DigestEntry>? topStories = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        while (true)
        {
            var page = await DueReaders(period, due, zones).Take(options.Value.DigestBatchSize).ToListAsync(cancellationToken);
            // Each read reader is marked done below, so a page of only readers seen before means one could not be: stop.
            if (page.Count(reader => seen.Add(reader.Id)) == 0)
            {
                return sent;
            }

            var follows = await stories.FollowsAsync(page.Where(r => r.CanBeSentDigests).ToDictionary(r => r.Id, r => r.Default), cancellationToken);
            var candidates = page
                .Where(reader => follows.TryGetValue(reader.Id, out var theirs) && theirs.AnyBy(period))
                .Select(reader => new DigestDue(reader.Id, follows[reader.Id], Since(reader, period, due), reader.Choices))
                .ToList();
            var digests = await stories.ForReadersAsync(candidates, period, due, cancellationToken);
            var nothingNew = new List<string>();
            foreach (var reader in page)
            {
                if (digests.GetValueOrDefault(reader.Id) is not { Followed.Count: > 0 } digest)
                {
                    nothingNew.Add(reader.Id);
                    continue;
                }

                topStories ??= await stories.TopStoriesAsync(period, due, cancellationToken);
                var listed = digest.Followed.Select(e => e.Id).ToHashSet();
                digest = digest with { TopStories = [.. topStories.Where(t => t.AuthorId != reader.Id && !listed.Contains(t.Id) && !reader.Choices.Hides(t.Making, t.Warnings)).Take(DigestStories.MaxTopStories)] };
                sent += await sender.SendAsync(reader, period, due, digest, from, cancellationToken) ? 1 : 0;
            }

            await sender.AdvanceAsync(period, due, nothingNew, cancellationToken);
        }
    }

    /// <summary>Since when the reader's digest collects stories: their last digest, at most one period back.</summary>
    private static DateTime Since(DigestReader reader, Delivery period, DateTime due)
    {
        var periodStart = due - DigestSchedule.Length(period);
        return reader.Through is { } through && through > periodStart ? through : periodStart;
    }

    private IQueryable<DigestReader> DueReaders(Delivery period, DateTime due, IReadOnlyList<string?> zones)
    {
        var named = zones.OfType<string>().ToList();
        // Two shapes rather than one with a flag in it, so each is a plain seek on the time-zone index.
        var users = zones.Contains(null)
            ? db.Users.AsNoTracking().Where(u => u.TimeZone == null || named.Contains(u.TimeZone))
            : db.Users.AsNoTracking().Where(u => named.Contains(u.TimeZone!));
        return period == Delivery.Weekly
            ? users.Where(u => u.WeeklyDigestThrough == null || u.WeeklyDigestThrough < due)
                .Select(u => new DigestReader(u.Id, u.Email, u.DisplayName, !u.Banned && u.EmailConfirmed && u.EmailStoppedAt == null, u.NewsletterDelivery, u.WeeklyDigestThrough,
                    new ReadingChoices(u.HideAiGenerated, u.HiddenWarnings, u.CoverWarnedStories)))
            : users.Where(u => u.DailyDigestThrough == null || u.DailyDigestThrough < due)
                .Select(u => new DigestReader(u.Id, u.Email, u.DisplayName, !u.Banned && u.EmailConfirmed && u.EmailStoppedAt == null, u.NewsletterDelivery, u.DailyDigestThrough,
                    new ReadingChoices(u.HideAiGenerated, u.HiddenWarnings, u.CoverWarnedStories)));
    }
}
