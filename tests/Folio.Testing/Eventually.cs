using System.Collections;
using System.Reflection;

namespace Folio.Testing;

/// <summary>
/// Waits for something the app does in the background (a worker, another process, a listener): observes it again and
/// again until it holds or the deadline passes, then fails saying what was awaited and what was seen last. The
/// deadline is how long to wait at most, never a claim about how fast the app is.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(250);

    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string because) =>
        ValueAsync(() => Task.FromResult(condition()), holds => holds, within, because);

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string because) =>
        ValueAsync(condition, holds => holds, within, because);

    public static Task<T> ValueAsync<T>(Func<T> observe, Func<T, bool> until, TimeSpan within, string because) =>
        ValueAsync(() => Task.FromResult(observe()), until, within, because);

    /// <summary>The first observed value that satisfies <paramref name="until"/>.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> observe, Func<T, bool> until, TimeSpan within, string because)
    {
        using var deadline = new CancellationTokenSource(within);
        var pause = FirstPause;
        while (true)
        {
            var value = await observe();
            if (until(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException(FormattableString.Invariant($"Gave up after {within.TotalSeconds:0.#} s waiting for {because}. Last observed: {Describe(value)}"));
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        _ when value.ToString() != value.GetType().ToString() => value.ToString()!,
        // An entity says only its type name; its simple properties say what state it was in.
        _ => $"{value.GetType().Name} {{ {string.Join(", ", SimpleProperties(value))} }}",
    };

    private static IEnumerable<string> SimpleProperties(object value) =>
        value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && IsSimple(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => $"{p.Name} = {p.GetValue(value) ?? "null"}");

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
}
