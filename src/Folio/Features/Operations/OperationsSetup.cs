namespace Folio.Features.Operations;

/// <summary>What running Folio in production needs from the site itself: health endpoints, telemetry and log defaults.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder) =>
        builder.AddHealthEndpoints().AddTelemetry().AddStructuredLogDefaults();
}
