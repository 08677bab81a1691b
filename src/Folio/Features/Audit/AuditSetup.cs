namespace Folio.Features.Audit;

public static class AuditSetup
{
    /// <summary>Part of every Folio process (AddFolioCore): the command line records what it does too.</summary>
    public static WebApplicationBuilder AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditSubjects>();
        return builder;
    }
}
