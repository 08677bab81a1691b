using Folio.Features.Queues;
using Folio.Features.Scaling;

namespace Folio.Features.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<MessageComposer>();
        builder.Services.AddSingleton<SmtpConnections>();
        builder.Services.AddSingleton<MailThrottle>();
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddQueueSignal<MailQueueSignal>();
        builder.Services.AddQueueWorker<MailQueueWorker, MailQueueOptions>(MailQueueOptions.Section);
        return builder;
    }
}
