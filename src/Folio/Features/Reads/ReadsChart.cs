using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Folio.Shared;

namespace Folio.Features.Reads;

public sealed record ReadsOnDay(DateOnly Day, int Reads);

/// <summary>
/// A bar chart of reads per day as inline SVG, drawn on the server so the dashboard needs no chart library.
/// Colours and type come from classes in site.css (the CSP forbids style attributes; SVG presentation
/// attributes are fine); the aria-label says what a sighted reader takes from the bars.
/// </summary>
public static class ReadsChart
{
    private const double Width = 640, Height = 220, Left = 52, Right = 8, Top = 12, Bottom = 30;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(IReadOnlyList<ReadsOnDay> days, string subject)
    {
        if (days.Count == 0)
        {
            return HtmlString.Empty;
        }

        var (step, ceiling) = Scale(days.Max(d => d.Reads));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / days.Count;
        double Y(int reads) => Top + plotHeight - plotHeight * reads / ceiling;

        var svg = new StringBuilder();
        svg.Append(Invariant, $"""<svg class="reads-chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Encode(Summary(days, subject))}" xmlns="http://www.w3.org/2000/svg" focusable="false">""");
        for (var tick = 0; tick <= ceiling; tick += step)
        {
            var y = N(Y(tick));
            svg.Append(Invariant, $"""<line class="reads-chart__grid" x1="{N(Left)}" x2="{N(Width - Right)}" y1="{y}" y2="{y}" stroke="currentColor"/>""");
            svg.Append(Invariant, $"""<text class="reads-chart__label" x="{N(Left - 6)}" y="{y}" text-anchor="end" dominant-baseline="middle" fill="currentColor">{tick:N0}</text>""");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var (day, reads) = days[i];
            var x = Left + i * slot;
            var title = $"{day.ToString("ddd d MMM yyyy", Invariant)}: {Reads(reads)}";
            svg.Append(Invariant, $"""<g class="reads-chart__day"><title>{Encode(title)}</title>""");
            svg.Append(Invariant, $"""<rect class="reads-chart__hit" x="{N(x)}" y="{N(Top)}" width="{N(slot)}" height="{N(plotHeight)}" fill="transparent"/>""");
            svg.Append(Invariant, $"""<rect class="reads-chart__bar" x="{N(x + slot * 0.15)}" y="{N(Y(reads))}" width="{N(slot * 0.7)}" height="{N(Top + plotHeight - Y(reads))}" rx="2" fill="currentColor" data-reads="{reads}"/></g>""");
        }

        foreach (var i in new[] { 0, days.Count / 4, days.Count / 2, 3 * days.Count / 4, days.Count - 1 }.Distinct())
        {
            var anchor = i == 0 ? "start" : i == days.Count - 1 ? "end" : "middle";
            var x = anchor switch { "start" => Left, "end" => Width - Right, _ => Left + (i + 0.5) * slot };
            svg.Append(Invariant, $"""<text class="reads-chart__label" x="{N(x)}" y="{N(Height - 8)}" text-anchor="{anchor}" fill="currentColor">{days[i].Day.ToString("d MMM", Invariant)}</text>""");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Summary(IReadOnlyList<ReadsOnDay> days, string subject)
    {
        var total = days.Sum(d => d.Reads);
        var span = $"{days[0].Day.ToString("d MMM", Invariant)} to {days[^1].Day.ToString("d MMM yyyy", Invariant)}";
        if (total == 0)
        {
            return $"Reads per day for {subject}, {span}: no reads yet.";
        }

        var busiest = days.MaxBy(d => d.Reads)!;
        return $"Reads per day for {subject}, {span}: {Reads(total)} in total; most on {busiest.Day.ToString("d MMM", Invariant)} ({Reads(busiest.Reads)}).";
    }

    /// <summary>A round step (1, 2 or 5 × 10ⁿ) giving at most four gridlines above zero, and the top of the axis.</summary>
    public static (int Step, int Ceiling) Scale(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 }.Select(f => f * magnitude))
            {
                if (step * 4 >= max)
                {
                    return (step, Math.Max(step, step * (int)Math.Ceiling(max / (double)step)));
                }
            }
        }
    }

    public static string Reads(int count) => Plural.Of(count, "read", "reads");

    private static string N(double value) => Math.Round(value, 2).ToString(Invariant);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
