namespace Folio.Features.Challenges.Entering;

public static class ChallengeEnteringSetup
{
    /// <summary>What the story workflow checks and records entries with; every host that changes stories adds it.</summary>
    public static WebApplicationBuilder AddChallengeEntering(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChallengeEntering>();
        builder.Services.AddScoped<HeldEntryRelease>();
        return builder;
    }

    /// <summary>The minute pass that publishes held entries once their challenge closes; the site runs it, on every node.</summary>
    public static WebApplicationBuilder AddChallengePhaseWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChallengePhaseWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ChallengePhaseWorker>());
        return builder;
    }
}
