using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>Runs <see cref="WebhookDispatcher"/> when a delivery is queued, and every poll interval for due retries.</summary>
public sealed class WebhookWorker(WebhookDispatcher dispatcher, WebhookSignal signal, IOptions<WebhookOptions> options, ILogger<WebhookWorker> logger) : BackgroundService
{
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the loop runs. Stopping the worker on its own before that (as tests do) would cancel the
    /// not-yet-started task, which the host reads as a crash and stops the whole site.
    /// </summary>
    public Task Running => _running.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await dispatcher.DispatchDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Webhook deliveries could not be read; trying again shortly");
                }

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: queued and claimed deliveries stay in the database for the next start (or another node).
        }
    }
}
