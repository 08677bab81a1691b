namespace Folio.Features.Mail;

/// <summary>SMTP settings; with no Host, messages are written to data/outbox/ as .eml files instead.</summary>
public sealed class MailOptions
{
    public const string Section = "Folio:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Folio <no-reply@localhost>";
}
