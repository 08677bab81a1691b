namespace Folio.Features.Challenges.Judging;

public static class JudgingSetup
{
    /// <summary>Sharing entries out to judges, scoring them and publishing the results with the entrants' notices.</summary>
    public static WebApplicationBuilder AddChallengeJudging(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JudgeAssignments>();
        builder.Services.AddScoped<EntryScoring>();
        builder.Services.AddScoped<ChallengeResults>();
        builder.Services.AddScoped<ResultsAnnouncement>();
        return builder;
    }
}
