namespace Folio.Features.Transfer;

public sealed record ImportNote(string Item, string Text);

/// <summary>What an import did, item by item: printed on standard output as the command's result.</summary>
public sealed class ImportReport
{
    public int Imported { get; private set; }
    public int Unchanged { get; private set; }
    public List<ImportNote> Skipped { get; } = [];

    /// <summary>Items imported with a change worth knowing (a subtitle cut short, a slug taken, a post kept as a draft).</summary>
    public List<ImportNote> Notes { get; } = [];

    public List<string> CreatedAccounts { get; } = [];

    public void Import() => Imported++;

    public void AlreadyImported() => Unchanged++;

    public void Skip(string item, string reason) => Skipped.Add(new ImportNote(item, reason));

    public void Note(string item, string text) => Notes.Add(new ImportNote(item, text));

    public string Summary => $"{Imported} imported, {Unchanged} unchanged (already imported), {Skipped.Count} skipped";

    public void WriteTo(TextWriter output)
    {
        output.WriteLine(Summary);
        Section(output, "created accounts (no password: they sign in after “Forgot password”)", CreatedAccounts);
        Section(output, "skipped", Skipped.Select(s => $"{s.Item}: {s.Text}"));
        Section(output, "notes", Notes.Select(n => $"{n.Item}: {n.Text}"));
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine($"{title}:");
        foreach (var line in list)
        {
            output.WriteLine($"  {line}");
        }
    }
}
