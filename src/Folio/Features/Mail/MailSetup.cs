namespace Folio.Features.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddSingleton<MailQueueSignal>();
        builder.Services.AddHostedService<MailQueueWorker>();
        return builder;
    }
}
