namespace Folio.Features.ChallengeAdmin;

public static class ChallengeAdminSetup
{
    /// <summary>Creating and editing challenges, for the admin pages, the API and the command line alike.</summary>
    public static WebApplicationBuilder AddChallengeAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChallengeEditor>();
        return builder;
    }
}
