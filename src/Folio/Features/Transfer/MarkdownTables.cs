using AngleSharp.Dom;

namespace Folio.Features.Transfer;

/// <summary>&lt;table&gt; to a GitHub pipe table: the first row is the header; cells are one line each.</summary>
internal static class MarkdownTables
{
    public static string Of(IElement table)
    {
        var rows = table.QuerySelectorAll("tr")
            .Where(row => row.Closest("table") == table)
            .Select(row => row.Children.Where(cell => cell.LocalName is "td" or "th").ToList())
            .Where(cells => cells.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var width = rows.Max(cells => cells.Count);
        var lines = new List<string> { Row(rows[0].Select(Cell), width), Row(Alignments(rows[0], width), width) };
        lines.AddRange(rows.Skip(1).Select(cells => Row(cells.Select(Cell), width)));
        var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption") is { } element ? MarkdownInlines.Line(element) : "";
        return caption.Length == 0 ? string.Join('\n', lines) : caption + "\n\n" + string.Join('\n', lines);
    }

    private static string Cell(IElement cell) => MarkdownInlines.Line(cell).Replace("|", "\\|");

    private static string Row(IEnumerable<string> cells, int width)
    {
        var padded = cells.Concat(Enumerable.Repeat("", width)).Take(width);
        return "| " + string.Join(" | ", padded) + " |";
    }

    private static IEnumerable<string> Alignments(List<IElement> header, int width) =>
        Enumerable.Range(0, width).Select(i => (i < header.Count ? Alignment(header[i]) : null) switch
        {
            "center" => ":---:",
            "right" => "---:",
            "left" => ":---",
            _ => "---",
        });

    private static string? Alignment(IElement cell)
    {
        if (cell.GetAttribute("align") is { } align)
        {
            return align.Trim().ToLowerInvariant();
        }

        var style = cell.GetAttribute("style") ?? "";
        return new[] { "center", "right", "left" }.FirstOrDefault(a => style.Contains($"text-align: {a}", StringComparison.OrdinalIgnoreCase)
            || style.Contains($"text-align:{a}", StringComparison.OrdinalIgnoreCase));
    }
}
