namespace Folio.Features.Challenges.Entering;

/// <summary>Runs a <see cref="HeldEntryRelease"/> pass every minute on each node, so entries go public soon after their challenge closes.</summary>
public sealed class HeldEntryReleaseWorker(IServiceScopeFactory scopes, ILogger<HeldEntryReleaseWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Publishes the held entries due now; returns how many.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeldEntryRelease>().RunAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await RunPassAsync(stoppingToken) is > 0 and var released)
                    {
                        logger.LogInformation("Published {Count} challenge entries whose challenge has closed", released);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Held challenge entries could not be published; trying again at the next pass");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host: what is still held is published by the next pass, here or on another node.
        }
    }
}
