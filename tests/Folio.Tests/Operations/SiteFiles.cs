using System.IO.Compression;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Folio.Tests.Operations;

public static partial class SiteFiles
{
    public static void Write(string dataDirectory, string relativePath, string content)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public static void Zip(string archive, params (string Name, string Content)[] entries)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(content);
        }
    }

    /// <summary>A page's main content, without what differs on every request (antiforgery and read tokens).</summary>
    public static string MainOf(IHtmlDocument page)
    {
        var main = page.QuerySelector("main")?.OuterHtml ?? throw new InvalidOperationException("The page has no <main>.");
        return Tokens().Replace(main, "\"…\"");
    }

    /// <summary>Data-protected values (ASP.NET Core's all start CfDJ8): different on every page view, by design.</summary>
    [GeneratedRegex("\"CfDJ8[^\"]*\"")]
    private static partial Regex Tokens();
}
