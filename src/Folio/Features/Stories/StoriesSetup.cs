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
        // Core, not the site's alone: an admin command saves and deletes stories as a request does, and a save's
        // pipeline (Data/SaveHooks) records the pictures each story uses.
        builder.Services.AddScoped<StoryImageFiles>();
        builder.Services.AddSingleton<StoryImageSync>();
        return builder;
    }
}
