using System.Diagnostics;

namespace Folio.Features.Operations;

/// <summary>
/// A request that takes longer than <c>Folio:Operations:SlowRequestMilliseconds</c> (2000 unless set; 0 turns it off)
/// is logged at warning level with its route, status and time, and with the thread pool's state as it ends. An
/// operator sees which pages are slow without turning on request logging; and when a client waited far longer than the
/// log says, the time went before Folio's first middleware, queued for a thread, which the pool's counts confirm.
/// </summary>
public static partial class SlowRequests
{
    public const string ThresholdSetting = "Folio:Operations:SlowRequestMilliseconds";
    private const int DefaultThresholdMilliseconds = 2000;

    public static IApplicationBuilder UseSlowRequestLog(this WebApplication app)
    {
        var threshold = app.Configuration.GetValue(ThresholdSetting, DefaultThresholdMilliseconds);
        if (threshold <= 0)
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlowRequests));
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed.TotalMilliseconds >= threshold)
                {
                    // The route's pattern ("/{community}/{slug}") groups a page's requests; Razor Pages leave out the "/".
                    var route = context.GetEndpoint() is RouteEndpoint endpoint
                        ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
                        : context.Request.Path.Value ?? "/";
                    LogSlow(logger, context.Request.Method, route, context.Response.StatusCode, (long)elapsed.TotalMilliseconds,
                        ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount);
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Slow request: {Method} {Route} answered {StatusCode} in {Milliseconds} ms (thread pool: {Threads} threads, {QueuedWorkItems} work items queued)")]
    private static partial void LogSlow(ILogger logger, string method, string route, int statusCode, long milliseconds, int threads, long queuedWorkItems);
}
