using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Folio.Features.Operations;

/// <summary>`{ status, checks: [{ name, status, description, durationMs }] }`, for people and monitoring alike.</summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.Select(e => new CheckResponse(e.Key, e.Value.Status.ToString(), Describe(e.Value), Milliseconds(e.Value.Duration))).ToList());
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }

    // The endpoint is public, and an exception's message can name hosts, ports and users; the log has it in full.
    private static string Describe(HealthReportEntry entry) => entry.Exception switch
    {
        null => entry.Description ?? (entry.Status == HealthStatus.Healthy ? "ok" : "failed"),
        OperationCanceledException => "did not answer in time",
        var exception => $"failed ({exception.GetType().Name}); the server log has the details",
    };

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);

    private sealed record HealthResponse(string Status, IReadOnlyList<CheckResponse> Checks);

    private sealed record CheckResponse(string Name, string Status, string Description, double DurationMs);
}
