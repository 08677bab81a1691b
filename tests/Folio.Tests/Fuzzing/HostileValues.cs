using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>The inputs a hostile or careless client sends: each is a value that a field, a parameter or a header might get.</summary>
public static class HostileValues
{
    public static readonly string Huge = new('a', 100_000);

    /// <summary>For any text field: wrong types, edges of numbers and dates, markup, control characters, odd Unicode, sizes.</summary>
    public static readonly string[] Text =
    [
        "", " ", "abc", "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1.5", "1e309",
        "NaN", "true", "false", "on", "off", "null", "undefined", "[]", "{}", "{\"a\":1}",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "%00", "a\0b", "\0",
        "line\r\nX-Injected: 1", "\t", "\u0001\u0002\u001f", "\u202Eevil", "\uFEFF", "\uFFFF", "😀😀😀", "é", new string('é', 20_000),
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/", "//", "\\\\evil.example\\share",
        "javascript:alert(1)", "//evil.example", "https://evil.example/", "/\t/evil.example", "/%09/evil.example",
        "x<y@example.org", "@", "a@b", "a@b@c", new string('a', 300) + "@example.org",
        "0001-01-01", "9999-12-31T23:59:59Z", "2026-13-45", "AAAA////", "!!!!", "eyJhbGciOiJub25lIn0.e30.", Huge,
    ];

    /// <summary>For ids, cursors, limits and page numbers in paths and query strings.</summary>
    public static readonly string[] Ids =
    [
        "-1", "0", "2147483647", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "0x10", "%20", "%00", "%2e%2e%2f",
        "..%2f..%2fappsettings.json", "AAAA", "AAAA////====", "eyJpZCI6LTF9", "Zm9vYmFy", "%FF%FE", "null", new string('9', 5_000),
    ];

    /// <summary>returnUrl and its kin: where a form sends the browser afterwards.</summary>
    public static readonly string[] ReturnUrls =
    [
        "/", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/%0d%0aLocation:%20x",
        "/%0aX", "%2f%2fevil.example", "/../../etc/passwd", "", new string('/', 5_000),
    ];

    /// <summary>Path segments that try to leave the route or the content root.</summary>
    public static readonly string[] PathSegments =
    [
        "..", "%2e%2e", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fappsettings.json", "..%5c..%5cweb.config", "%00",
        "a%00b", "%ff%fe", "%C0%AE%C0%AE", "con", "a.php", ".git", "~", "%25", new string('x', 3_000),
    ];

    public static readonly string[] Accepts =
    [
        "application/xml", "text/html", "*/*", "application/problem+json", "text/plain", "image/png", "garbage",
        "application/json;q=0", "text/*, application/json;q=abc", ";;;,,,",
    ];

    public static readonly string[] OddMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "PROPFIND", "FOO"];

    /// <summary>Content types a body may arrive with, right or wrong, with odd charsets and boundaries.</summary>
    public static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=bogus", "application/json; charset=utf-16",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=bogus",
        "multipart/form-data", "multipart/form-data; boundary=x", "multipart/form-data; boundary=", "garbage", "*/*",
    ];

    /// <summary>Headers a client may send with control characters or nonsense (where HttpClient lets them through).</summary>
    public static readonly (string Name, string Value)[] Headers =
    [
        ("Cookie", ".AspNetCore.Identity.Application=garbage; .AspNetCore.Antiforgery.x=AAAA"), ("Cookie", "\u0001\u0002=\u0003"),
        ("Authorization", "Bearer folio_garbage"), ("Authorization", "Bearer "), ("Authorization", "Basic Zm9vOmJhcg=="),
        ("Authorization", "Bearer " + new string('a', 8_000)), ("Accept-Language", "\u0001zz;q=abc"), ("Accept-Encoding", "gzip;q=x, br;q=-1"),
        ("If-None-Match", "\"\u0001\""), ("If-Modified-Since", "yesterday"), ("Range", "bytes=9999999-1"), ("X-Forwarded-For", "not an ip"),
        ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "evil.example"), ("Referer", "\t"), ("User-Agent", new string('u', 8_000)),
        ("traceparent", "00-zz-zz-zz"), ("X-Requested-With", "\u007f"), ("Origin", "null"), ("Content-Encoding", "gzip"),
    ];

    /// <summary>Byte sequences that are not UTF-8: a lone continuation, an overlong slash, a surrogate, a cut sequence.</summary>
    public static readonly byte[][] InvalidUtf8 = [[0xFF, 0xFE], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
