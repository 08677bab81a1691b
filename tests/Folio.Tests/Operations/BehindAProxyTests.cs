using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Operations;

/// <summary>What an operator relies on when Folio runs behind a load balancer: forwarded headers and structured logs.</summary>
public sealed class BehindAProxyTests
{
    [Theory]
    [InlineData(true, "https://stories.example.org/")]
    [InlineData(false, "http://localhost/")]
    public async Task ForwardedHeadersAreTrustedOnlyWhenTheOperatorSaysSo(bool enabled, string canonical)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true in the environment is this setting.
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = enabled ? "true" : "false" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/")
        {
            Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.7" }, { "Host", enabled ? "stories.example.org" : "localhost" } },
        };

        using var response = await client.SendAsync(request);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task WithTheJsonFormatterEachRequestLogLineCarriesItsTraceId()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("folio-logs-").FullName;
        var port = FreePort();
        var folio = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(folio),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Folio__DataDirectory"] = dataDirectory,
                ["Folio__Database"] = "sqlite",
                ["ConnectionStrings__Folio"] = $"Data Source={Path.Combine(dataDirectory, "folio.db")}",
                ["Folio__SeedDemo"] = "false",
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            },
        };
        start.ArgumentList.Add(folio);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var lines = new ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var traceId = ActivityTraceId.CreateRandom().ToString();
            var answered = await WaitForHealthyAsync(client, process);
            Assert.True(answered, "the server did not answer /healthz within 60 s:\n" + string.Join('\n', lines));
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } } };
            (await client.SendAsync(request)).Dispose();

            var line = await WaitForAsync(lines, l => l.Contains(traceId, StringComparison.Ordinal) && l.Contains("Request finished", StringComparison.Ordinal));
            Assert.True(line is not null, "no request log line with the trace id:\n" + string.Join('\n', lines));
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", root.GetProperty("Category").GetString());
            Assert.EndsWith("Z", root.GetProperty("Timestamp").GetString());
            var scopes = root.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
            Assert.Contains(scopes, s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/healthz");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<bool> WaitForHealthyAsync(HttpClient client, Process process)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!giveUp.IsCancellationRequested && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static async Task<string?> WaitForAsync(ConcurrentQueue<string> lines, Func<string, bool> match)
    {
        for (var wait = 0; wait < 50; wait++)
        {
            if (lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
