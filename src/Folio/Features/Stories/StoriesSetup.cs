using Folio.Features.Writing;

namespace Folio.Features.Stories;

public static class StoriesSetup
{
    /// <summary>The story workflow and what it changes stories with; every host that changes stories (the site, the commands) adds it.</summary>
    public static WebApplicationBuilder AddStoryWorkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StoryWorkflow>();
        builder.Services.AddSingleton<PublishedStoryCountSync>();
        builder.Services.AddScoped<StoryEditor>();
        builder.Services.AddScoped<HeroImages>();
        return builder;
    }
}
