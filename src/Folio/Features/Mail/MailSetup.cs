using Folio.Features.Scaling;

namespace Folio.Features.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddQueueSignal<MailQueueSignal>();
        // One instance, reachable by its own type too, so an operator command or a test can run a pass by hand.
        builder.Services.AddSingleton<MailQueueWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailQueueWorker>());
        return builder;
    }
}
