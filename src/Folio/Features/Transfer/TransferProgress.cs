using Spectre.Console;

namespace Folio.Features.Transfer;

/// <summary>
/// A progress bar on standard error, shown only when standard error is a terminal: standard output carries the
/// result alone, and a script or a log file gets no animation.
/// </summary>
public sealed class TransferProgress
{
    private ProgressTask? _task;

    /// <summary>No bar at all: for tests and redirected runs.</summary>
    public static TransferProgress None => new();

    public static async Task<T> ShowAsync<T>(string description, Func<TransferProgress, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(None);
        }

        // Standard error is a terminal (checked above) even when standard output goes to a file, which Spectre's own
        // detection would take for "not interactive".
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var progress = new TransferProgress { _task = context.AddTask(Markup.Escape(description), autoStart: false) };
                return await work(progress);
            });
    }

    public void Start(int total)
    {
        if (_task is { } task)
        {
            task.MaxValue = Math.Max(total, 1);
            task.StartTask();
        }
    }

    public void Advance(int items = 1)
    {
        _task?.Increment(items);
    }
}
