namespace Folio.Tests.Transfer;

/// <summary>A temporary folder a test writes its import files into.</summary>
public sealed class TransferFiles : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "folio-tests", "transfer-" + Guid.NewGuid().ToString("N"));

    public TransferFiles() => Directory.CreateDirectory(Folder);

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static string Story(string frontMatter, string body = "A story told in **Markdown**, long enough to read.") =>
        $"---\n{frontMatter.Trim()}\n---\n{body}\n";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the OS temp cleaner takes it later.
        }
    }
}
