using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// One hostile request, kept as plain data so it can be sent, grouped by what it tried (method, path template, mutation)
/// and printed as a curl command that reproduces it.
/// </summary>
public sealed record FuzzRequest(string Identity, string Method, string Url, string Template, string Mutation)
{
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>What a 5xx is grouped by: the same handler failing on the same kind of input is one problem.</summary>
    public string Kind => $"{Method} {Template} {Mutation}";

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>A curl command line for this request; a long body is cut, with its length said, and its bytes escaped.</summary>
    public string ToCurl()
    {
        var command = new StringBuilder($"curl -i -X {Method} '{{folio}}{Url}'");
        foreach (var (name, value) in Headers)
        {
            command.Append($" -H '{name}: {Escape(Encoding.UTF8.GetBytes(value), 200)}'");
        }

        if (Body is not null)
        {
            if (ContentType is not null)
            {
                command.Append($" -H 'Content-Type: {ContentType}'");
            }

            command.Append($" --data-binary $'{Escape(Body, 400)}'");
            if (Body.Length > 400)
            {
                command.Append($" (body cut: {Body.Length:N0} bytes in all)");
            }
        }

        return $"[{Identity}] {command}";
    }

    private static string Escape(byte[] bytes, int limit)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(limit))
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\'' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
