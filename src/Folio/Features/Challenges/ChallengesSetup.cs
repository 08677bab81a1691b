namespace Folio.Features.Challenges;

public static class ChallengesSetup
{
    /// <summary>What the challenge pages and the admin area share: creating and editing challenges and their hero pictures, announcing their phases and marking their winners' awards.</summary>
    public static WebApplicationBuilder AddChallenges(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChallengeChanges>();
        builder.Services.AddScoped<ChallengeHeroImages>();
        builder.Services.AddScoped<ChallengeAnnouncements>();
        builder.Services.AddScoped<Awards.AwardMarks>();
        return builder;
    }
}
