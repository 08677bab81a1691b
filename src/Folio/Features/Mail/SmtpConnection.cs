using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Folio.Features.Mail;

/// <summary>
/// One SMTP connection kept open from email to email: connecting, STARTTLS and logging in cost more than sending a
/// message, and providers count (and limit) connections. It reconnects when the server dropped it or a send failed
/// anywhere but in the server's answer, and checks with NOOP one that sat idle, since servers close idle sessions.
/// Its socket sends without delay (Nagle off): MailKit writes a message in several pieces, and with Nagle's algorithm the
/// last small piece waited for the server's delayed acknowledgement, about 40 ms an email, which held a lane to some 20
/// emails a second on loopback whatever the server's speed.
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
        Socket? socket = null;
        try
        {
            socket = await OpenSocketAsync(client.Timeout, cancellationToken);
            await client.ConnectAsync(socket, settings.Host!, settings.Port,
                settings.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            socket?.Dispose();
            throw;
        }

        _client = client;
        _lastUsed = Environment.TickCount64;
        return client;
    }

    /// <summary>A TCP connection to the server with Nagle's algorithm off, given up after MailKit's own timeout as its connect would.</summary>
    private async Task<Socket> OpenSocketAsync(int timeoutMilliseconds, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutMilliseconds);
        try
        {
            await socket.ConnectAsync(settings.Host!, settings.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {settings.Host}:{settings.Port} within {timeoutMilliseconds} ms.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
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
