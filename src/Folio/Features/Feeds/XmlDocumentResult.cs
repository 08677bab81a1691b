using System.Text;
using System.Xml;
using Microsoft.AspNetCore.WebUtilities;

namespace Folio.Features.Feeds;

/// <summary>
/// An XML document (a feed, a sitemap) written into pooled pages and sent with its length. A feed with its stories'
/// full text runs to a few hundred kilobytes: a MemoryStream grew that through the large-object heap, doubling and
/// copying, and then copied it once more into a byte array; that was a quarter of an uncached feed's CPU.
/// </summary>
public sealed class XmlDocumentResult(string contentType, Action<XmlWriter> write) : IResult
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // XmlWriter writes synchronously, which the response body refuses; this buffer takes sync writes, in memory.
        await using var buffer = new FileBufferingWriteStream(memoryThreshold: int.MaxValue);
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            write(writer);
        }

        var response = httpContext.Response;
        response.ContentType = contentType;
        response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(response.Body, httpContext.RequestAborted);
    }
}
