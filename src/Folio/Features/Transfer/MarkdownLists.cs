using AngleSharp.Dom;

namespace Folio.Features.Transfer;

/// <summary>&lt;ul&gt; and &lt;ol&gt; to Markdown lists, nested lists indented under their item's text.</summary>
internal static class MarkdownLists
{
    public static string Of(IElement list)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) && start >= 0 ? start : 1;
        var items = new List<string>();
        foreach (var item in list.Children.Where(c => c.LocalName is "li" or "ul" or "ol"))
        {
            // A list directly inside a list (invalid, but common in pasted HTML) belongs to the item before it.
            if (item.LocalName is "ul" or "ol" && items.Count > 0)
            {
                var marker = items[^1].TakeWhile(c => c != ' ').Count() + 1;
                items[^1] += "\n" + Blocks.Prefix(Of(item), new string(' ', marker), "");
                continue;
            }

            var bullet = ordered ? $"{number++}. " : "- ";
            var content = ItemContent(HtmlToMarkdown.BlocksOf(item));
            items.Add(Blocks.Prefix(content, new string(' ', bullet.Length), "", firstPrefix: bullet).TrimEnd());
        }

        var loose = items.Any(item => item.Contains("\n\n", StringComparison.Ordinal));
        return string.Join(loose ? "\n\n" : "\n", items);
    }

    /// <summary>An item's text and its nested list stay on adjacent lines, so a tight list stays tight.</summary>
    private static string ItemContent(List<Block> blocks)
    {
        var content = "";
        for (var i = 0; i < blocks.Count; i++)
        {
            var separator = i == 0 ? "" : blocks[i - 1].Kind == BlockKind.Text && blocks[i].Kind == BlockKind.List ? "\n" : "\n\n";
            content += separator + blocks[i].Markdown;
        }

        return content;
    }
}
