namespace Folio.Features.Communities;

public static class CommunitiesSetup
{
    /// <summary>Part of every Folio process (AddFolioCore): the command line creates and edits communities too.</summary>
    public static WebApplicationBuilder AddCommunityAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityChanges>();
        builder.Services.AddScoped<CommunityLogos>();
        return builder;
    }
}
