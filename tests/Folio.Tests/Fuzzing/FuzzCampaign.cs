using System.Collections.Concurrent;
using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>Sends the requests, a few at a time, each through its identity's client, and keeps every 5xx and every request left unanswered.</summary>
public sealed class FuzzCampaign(IReadOnlyDictionary<string, HttpClient> clients)
{
    private readonly ConcurrentDictionary<string, (FuzzRequest First, int Count, string Statuses)> _failures = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    public IReadOnlyDictionary<string, (FuzzRequest First, int Count, string Statuses)> Failures => _failures;

    public async Task RunAsync(IReadOnlyList<FuzzRequest> requests, int parallelism)
    {
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (request, _) =>
        {
            var (status, error) = await SendAsync(request);
            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is >= 500 or 0)
            {
                var answer = status == 0 ? $"no answer ({error})" : status.ToString();
                _failures.AddOrUpdate(request.Kind, (request, 1, answer),
                    (_, seen) => (seen.First, seen.Count + 1, seen.Statuses.Contains(answer) ? seen.Statuses : seen.Statuses + "," + answer));
            }
        });
    }

    /// <summary>The status of the answer, or 0 when the request got none (the connection closed or it timed out).</summary>
    private async Task<(int Status, string? Error)> SendAsync(FuzzRequest request)
    {
        using var message = request.ToMessage();
        try
        {
            using var response = await clients[request.Identity].SendAsync(message, HttpCompletionOption.ResponseContentRead);
            return ((int)response.StatusCode, null);
        }
        catch (Exception unanswered) when (unanswered is HttpRequestException or TaskCanceledException)
        {
            return (0, unanswered.GetBaseException().Message);
        }
    }

    public string Summary() =>
        "answers: " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key)} × {s.Value}"));

    public string Report()
    {
        var report = new StringBuilder();
        foreach (var (kind, failure) in _failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            report.AppendLine($"{failure.Statuses} × {failure.Count}: {kind}");
            report.AppendLine($"    {failure.First.ToCurl()}");
        }

        return report.ToString();
    }
}
