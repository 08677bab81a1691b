using System.Globalization;
using Spectre.Console;

namespace Folio.Features.Operations;

/// <summary>
/// How far a copy has got, on standard error: a bar per table on a terminal, a plain line per batch otherwise (a log
/// file or a test reads those). Standard output is kept for the result.
/// </summary>
public abstract class CopyProgress
{
    public abstract void Copied(string table, int rows, long total);

    public static CopyProgress Lines(TextWriter writer) => new LineProgress(writer);

    public static async Task<T> ShowAsync<T>(TextWriter error, Func<CopyProgress, Task<T>> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return await work(Lines(error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(new BarProgress(context)));
    }

    private sealed class LineProgress(TextWriter writer) : CopyProgress
    {
        public override void Copied(string table, int rows, long total) =>
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}: {rows:N0} of {total:N0} rows"));
    }

    private sealed class BarProgress(ProgressContext context) : CopyProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public override void Copied(string table, int rows, long total)
        {
            if (!_tasks.TryGetValue(table, out var task))
            {
                task = _tasks[table] = context.AddTask(Markup.Escape(table), maxValue: Math.Max(total, 1));
            }

            task.Value = total == 0 ? 1 : rows;
        }
    }
}
