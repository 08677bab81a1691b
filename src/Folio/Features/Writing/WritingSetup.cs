namespace Folio.Features.Writing;

public static class WritingSetup
{
    public static WebApplicationBuilder AddWriting(this WebApplicationBuilder builder)
    {
        // PostConfigure: MVC's own set-up of RazorPagesOptions would otherwise replace this convention.
        builder.Services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(pages =>
            pages.Conventions.AddPageRoute("/Writing/Editor", "stories/{id:int}/edit"));
        builder.Services.AddScoped<KeptHeroes>();
        builder.Services.AddSingleton<UploadSweep>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<UploadSweep>());
        return builder;
    }
}
