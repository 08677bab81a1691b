using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Folio.Features.Mail;

/// <summary>
/// One SMTP connection kept open from email to email: connecting, STARTTLS and logging in cost more than sending a
/// message, and providers count (and limit) connections. It reconnects when the server dropped it or a send failed
/// anywhere but in the server's answer, and checks with NOOP one that sat idle, since servers close idle sessions.
/// </summary>
public sealed class SmtpConnection(MailOptions settings) : IAsyncDisposable
{
    private static readonly TimeSpan IdleCheckAfter = TimeSpan.FromSeconds(30);

    private SmtpClient? _client;
    private long _lastUsed;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ReadyAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        // A refusal is the server's answer (SmtpCommandException) and leaves the session good; anything else leaves it unknown.
        catch (Exception exception) when (exception is not SmtpCommandException)
        {
            Drop();
            throw;
        }
        finally
        {
            _lastUsed = Environment.TickCount64;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    /// <summary>Says goodbye to the server (QUIT), as a host that stops should.</summary>
    public async Task CloseAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception exception) when (exception is IOException or ProtocolException or OperationCanceledException or SmtpCommandException)
            {
                // Going away anyway; the server times the session out.
            }
        }

        Drop();
    }

    private async Task<SmtpClient> ReadyAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } client && await StillOpenAsync(client, cancellationToken))
        {
            return client;
        }

        Drop();
        client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port,
                settings.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        _lastUsed = Environment.TickCount64;
        return client;
    }

    private async Task<bool> StillOpenAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 - _lastUsed < IdleCheckAfter.TotalMilliseconds)
        {
            return true;
        }

        try
        {
            await client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is IOException or ProtocolException or SmtpCommandException or ServiceNotConnectedException)
        {
            return false;
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }
}
