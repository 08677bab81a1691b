namespace Folio.Features.SiteAdmin;

public static class SiteAdminSetup
{
    /// <summary>Part of every Folio process (AddFolioCore): emails and feeds written anywhere use the settings in effect.</summary>
    public static WebApplicationBuilder AddSiteSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CurrentSite>();
        builder.Services.AddScoped<SiteSettingsEditor>();
        builder.Services.AddScoped<TestEmails>();
        builder.Services.AddScoped<SiteInvites>();
        builder.Services.AddScoped<SignUpGate>();
        builder.Services.AddSingleton<SitePictures>();
        return builder;
    }
}
