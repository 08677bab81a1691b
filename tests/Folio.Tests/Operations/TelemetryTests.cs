using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Folio.Features.Operations;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Folio.Tests.Operations;

public sealed class TelemetryTests
{
    private static string Provider => TestDatabase.IsPostgres ? "postgresql" : "sqlite";

    [Fact]
    public async Task EveryDatabaseCommandOfAPageRequestIsTimedInTheFolioMeter()
    {
        using var app = new FolioApp();
        await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        using var client = app.CreateClient();
        var appMeters = app.Services.GetRequiredService<IMeterFactory>();
        var recorded = new ConcurrentBag<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            // Only this app's meter: other tests' apps run in the same process.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == DatabaseCommandTelemetry.DurationInstrument && instrument.Meter.Scope == appMeters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            recorded.Add((seconds, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(recorded);
        Assert.All(recorded, m =>
        {
            Assert.InRange(m.Seconds, 0, 30);
            Assert.Equal(Provider, m.Tags["db.system.name"]);
        });
        Assert.Contains(recorded, m => Equals(m.Tags["folio.db.command.kind"], "reader"));
    }

    [Fact]
    public async Task DatabaseCommandsAreSpansInsideTheRequestsTrace()
    {
        using var app = new FolioApp();
        await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        using var client = app.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FolioTelemetry.ActivitySourceName or "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The server span stops when the pipeline unwinds, which can be just after the client has the response.
        await Eventually.TrueAsync(() => spans.Any(s => s.Source.Name == "Microsoft.AspNetCore"),
            within: TimeSpan.FromSeconds(5), because: "the server span to stop");

        var server = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        var database = spans.Where(s => s.Source.Name != "Microsoft.AspNetCore").ToList();
        Assert.Contains(database, span => span.Kind == ActivityKind.Client && span.ParentSpanId == server.SpanId && span.Duration > TimeSpan.Zero);
        if (!TestDatabase.IsPostgres)
        {
            Assert.All(database, span => Assert.Equal("sqlite", span.GetTagItem("db.system.name")));
            Assert.Contains(database, span => span.DisplayName == "SELECT"
                && ((string?)span.GetTagItem("db.query.text"))?.Contains("Stories", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void WithoutAnOtlpEndpointNoTelemetrySdkIsRunning()
    {
        using var app = new FolioApp();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithAnOtlpEndpointTracesAndMetricsAreExportedOverHttpProtobuf()
    {
        using var receiver = new OtlpReceiver();
        using var app = new FolioApp(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/")).Dispose();
        }

        var received = await Eventually.ValueAsync(() => receiver.Paths, paths => paths.Contains("/v1/traces") && paths.Contains("/v1/metrics"),
            within: TimeSpan.FromSeconds(10), because: "traces and metrics to be exported (observed: the paths posted to)");
        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
        Assert.All(receiver.ContentTypes, contentType => Assert.Equal("application/x-protobuf", contentType));
    }

    /// <summary>The smallest OTLP/HTTP collector: accepts every POST on loopback and remembers its path.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _paths = new();

        public OtlpReceiver()
        {
            var port = LoopbackPort.Free();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public ConcurrentBag<string?> ContentTypes { get; } = [];

        public ICollection<string> Paths => _paths.Keys;

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                if (context.Request.HttpMethod == "POST")
                {
                    _paths.TryAdd(context.Request.Url!.AbsolutePath, 0);
                    ContentTypes.Add(context.Request.ContentType);
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
