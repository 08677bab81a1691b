using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>Form fields written out by hand, so a body can carry what FormUrlEncodedContent would refuse or fix.</summary>
public static class FormBody
{
    public const string UrlEncoded = "application/x-www-form-urlencoded";

    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.ASCII.GetBytes(Query(fields));

    public static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>The same fields as multipart/form-data, with the content type (and boundary) that goes with them.</summary>
    public static (byte[] Body, string ContentType) Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new MultipartFormDataContent("fuzz-boundary");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return (content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), content.Headers.ContentType!.ToString());
    }

    public static string WithQuery(string url, string name, string value) =>
        url + (url.Contains('?') ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    /// <summary>A url-encoded body with raw (percent-encoded) bytes as one field's value, which no string can hold.</summary>
    public static byte[] WithRawValue(IEnumerable<KeyValuePair<string, string>> fields, string name, byte[] raw) =>
        Encode(fields.Where(f => f.Key != name)).Concat(Encoding.ASCII.GetBytes($"&{Uri.EscapeDataString(name)}="))
            .Concat(Encoding.ASCII.GetBytes(string.Concat(raw.Select(b => $"%{b:X2}")))).ToArray();

    public static string WithQueryString(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var query = Query(fields);
        return query.Length == 0 ? url : url + (url.Contains('?') ? "&" : "?") + query;
    }
}
