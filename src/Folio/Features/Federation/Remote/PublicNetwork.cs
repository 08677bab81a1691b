using System.Net;
using System.Net.Sockets;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// Keeps Folio's requests to other servers on the public internet. Every URL Folio fetches or posts to is named by a
/// stranger (an actor's id, inbox or key), so without this a crafted actor could make the site call its own admin
/// ports, the database or a cloud metadata address. The check runs when the connection is made, on the addresses the
/// name resolved to, so a name that resolves to a private address on the second lookup is refused too.
/// </summary>
public static class PublicNetwork
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] is >= 64 and < 128) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, where cloud metadata services answer
                || (b[0] == 172 && b[1] is >= 16 and < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 198 && b[1] is 18 or 19)); // benchmarking
        }

        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        IPAddress[] addresses = [.. (await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken)).Where(IsPublic)];
        if (addresses.Length == 0)
        {
            throw new NotOnThePublicInternetException(endPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A server whose name resolves only to loopback, private or reserved addresses: asking it again cannot help.</summary>
public sealed class NotOnThePublicInternetException(string host)
    : Exception($"{host} is not on the public internet, and Folio only talks to servers that are.");
