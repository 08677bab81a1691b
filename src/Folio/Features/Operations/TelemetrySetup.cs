using System.Diagnostics.Metrics;
using System.Reflection;
using Folio.Data;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Folio.Features.Operations;

public static class TelemetrySetup
{
    /// <summary>
    /// Database time is always measured (an instrument nobody listens to costs next to nothing). The OpenTelemetry SDK,
    /// its instrumentation and the OTLP exporter are registered only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the
    /// exporter then reads the other standard OTEL_* settings (protocol, headers, export intervals) itself.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProviders.Selected(builder.Configuration);
        builder.Services.AddSingleton(services => new DatabaseCommandTelemetry(services.GetRequiredService<IMeterFactory>(), provider));
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<DatabaseCommandTelemetry>()));

        if (string.IsNullOrWhiteSpace(builder.Configuration[FolioTelemetry.OtlpEndpointSetting]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(FolioTelemetry.ServiceName, serviceVersion: Version(), autoGenerateServiceInstanceId: true)
                .AddAttributes([new("host.name", Environment.MachineName)]))
            .WithTracing(tracing => tracing
                .AddSource(FolioTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(FolioTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    private static string? Version() =>
        typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
