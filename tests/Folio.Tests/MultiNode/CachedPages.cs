using Folio.Tests.Caching;

namespace Folio.Tests.MultiNode;

/// <summary>What a visitor who is not signed in sees on a running Folio process's cached pages.</summary>
public static class CachedPages
{
    /// <summary>DESIGN.md: a change made anywhere reaches every running server's caches within this.</summary>
    public static readonly TimeSpan ReachLimit = TimeSpan.FromSeconds(5);

    /// <summary>Visits until the page is cached, and checks it was: the second anonymous visit is served from the cache.</summary>
    public static async Task CachedAsync(this HttpClient anonymous, string path)
    {
        await anonymous.VisitAsync(path);
        var again = await anonymous.VisitAsync(path);
        Assert.True(again.FromCache, $"GET {path} ({(int)again.Status}) was not served from the cache the second time");
    }

    /// <summary>Visits the page until it shows the text, failing if it still doesn't once <see cref="ReachLimit"/> has passed since the change.</summary>
    public static Task ShowsSoonAsync(this HttpClient anonymous, string path, string text, DateTime changedAt) =>
        Eventually.TrueAsync(
            async () => (await anonymous.VisitAsync(path)) is var page && page.Text.Contains(text, StringComparison.Ordinal),
            within: changedAt + ReachLimit - DateTime.UtcNow,
            because: $"GET {path} to show “{text}” within {ReachLimit.TotalSeconds} s of the change");

    /// <summary>Runs an admin command beside the server and requires it to succeed.</summary>
    public static async Task SucceedsAsync(this FolioProcess folio, string[] command, string? standardInput = null)
    {
        var run = await folio.RunAsync(command, standardInput);
        Assert.True(run.ExitCode == 0, $"`folio {string.Join(' ', command)}` failed: {run}");
    }
}
