namespace Folio.Features.Challenges;

public static class ChallengesSetup
{
    /// <summary>What the challenge pages and the admin area share: creating and editing challenges and their hero pictures, judging them and publishing their results.</summary>
    public static WebApplicationBuilder AddChallenges(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChallengeChanges>();
        builder.Services.AddScoped<ChallengeHeroImages>();
        builder.Services.AddScoped<Judging.JudgeAssignments>();
        builder.Services.AddScoped<ChallengeAnnouncements>();
        builder.Services.AddScoped<Judging.EntryScoring>();
        builder.Services.AddScoped<Judging.ChallengeResults>();
        builder.Services.AddScoped<Judging.ResultsAnnouncement>();
        builder.Services.AddScoped<Awards.AwardMarks>();
        return builder;
    }
}
