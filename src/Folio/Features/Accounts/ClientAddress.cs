using System.Net;

namespace Folio.Features.Accounts;

/// <summary>
/// Who is asking, for limits: the connection's address (the client's own behind a proxy when forwarded headers are
/// trusted, ASPNETCORE_FORWARDEDHEADERS_ENABLED). An IPv6 client usually holds a whole /64, so that is one client.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 => PrefixOf(v6) + "/64",
        var v4 => v4.ToString(),
    };

    private static string PrefixOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString();
    }
}
