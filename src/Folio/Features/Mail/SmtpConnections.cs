using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Folio.Features.Mail;

/// <summary>
/// The node's lanes to the SMTP server: <see cref="MailQueueOptions.Connections"/> connections, each used by one send at a
/// time and kept open across emails and batches, so a thousand emails cost two SMTP sessions, not a thousand.
/// </summary>
public sealed class SmtpConnections : IAsyncDisposable
{
    private readonly Channel<SmtpConnection> _idle = Channel.CreateUnbounded<SmtpConnection>();
    private readonly int _count;

    public SmtpConnections(IOptions<MailOptions> smtp, IOptions<MailQueueOptions> queue)
    {
        _count = queue.Value.Connections;
        for (var i = 0; i < _count; i++)
        {
            _idle.Writer.TryWrite(new SmtpConnection(smtp.Value));
        }
    }

    /// <summary>Sends over the first free connection, waiting for one when all are busy.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var connection = await _idle.Reader.ReadAsync(cancellationToken);
        try
        {
            await connection.SendAsync(message, cancellationToken);
        }
        finally
        {
            _idle.Writer.TryWrite(connection);
        }
    }

    /// <summary>Closes the connections no send is using; one in use closes when the next send finds it gone.</summary>
    public async Task CloseAsync()
    {
        for (var i = 0; i < _count && _idle.Reader.TryRead(out var connection); i++)
        {
            await connection.CloseAsync();
            _idle.Writer.TryWrite(connection);
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
