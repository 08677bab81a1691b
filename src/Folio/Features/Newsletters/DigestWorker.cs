using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>
/// Sends the daily and weekly digests: every <see cref="DigestOptions.DigestInterval"/> a <see cref="DigestPass"/> queues
/// the digests that have come due. Each node runs one; the passes' conditional updates let only one of them send each digest.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestWorker> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the loop runs, so that stopping the worker alone (as tests do) is not read as a crash.</summary>
    public Task Running => _running.Task;

    /// <summary>Queues the digests due now; returns how many.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestPass>().RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.DigestInterval, stoppingToken);
                try
                {
                    if (await RunPassAsync(stoppingToken) is > 0 and var sent)
                    {
                        logger.LogInformation("Queued {Count} digests", sent);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Digests could not be sent; trying again at the next pass");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the host: a digest not yet queued is due still, and the next pass (here or elsewhere) sends it.
        }
    }
}
