using System.Diagnostics;

namespace Folio.Features.Operations;

/// <summary>The names under which Folio publishes its own traces and metrics, next to those of ASP.NET Core and Npgsql.</summary>
public static class FolioTelemetry
{
    public const string ServiceName = "folio";

    /// <summary>Folio's meter; its instruments are created through IMeterFactory, so each app instance has its own.</summary>
    public const string MeterName = "Folio";

    public const string ActivitySourceName = "Folio";

    /// <summary>The standard OpenTelemetry variable; when it is unset Folio registers no exporter and no SDK at all.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static readonly ActivitySource Source = new(ActivitySourceName);
}
