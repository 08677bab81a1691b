using Microsoft.Extensions.Options;

namespace Folio.Features.Queues;

public static class QueueSetup
{
    /// <summary>
    /// Binds the queue's options from <paramref name="section"/>, checked at start-up, and runs its worker: one instance,
    /// reachable by its own type too, so that a test or an operator command can stop it or run a pass by hand.
    /// </summary>
    public static IServiceCollection AddQueueWorker<TWorker, TOptions>(this IServiceCollection services, string section)
        where TWorker : class, IHostedService
        where TOptions : QueueOptions
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, QueueOptionsValidation<TOptions>>();
        services.AddSingleton<TWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<TWorker>());
        return services;
    }
}
