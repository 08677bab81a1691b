using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging.Console;

namespace Folio.Features.Operations;

public static class StructuredLogs
{
    /// <summary>
    /// `Logging__Console__FormatterName=json` turns the console log into one JSON object a line. Defaults that make
    /// such a line useful on its own: the scopes (the request's TraceId, SpanId, RequestId and RequestPath) and a UTC
    /// timestamp. Either can still be set explicitly under Logging:Console:FormatterOptions.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogDefaults(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection("Logging:Console:FormatterOptions");
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = configured.GetValue(nameof(json.IncludeScopes), true);
            json.UseUtcTimestamp = configured.GetValue(nameof(json.UseUtcTimestamp), true);
            json.TimestampFormat ??= json.UseUtcTimestamp ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz";
            // A log line is read by log shippers, never put in a page: "+" and "'" need not become \u002B and \u0027.
            json.JsonWriterOptions = json.JsonWriterOptions with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        return builder;
    }
}
