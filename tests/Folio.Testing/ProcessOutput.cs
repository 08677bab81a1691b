using System.Diagnostics;

namespace Folio.Testing;

/// <summary>What a server process a test started writes to its standard output and error, kept line by line for failure messages.</summary>
public sealed class ProcessOutput
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public override string ToString() => string.Join('\n', Lines);

    /// <summary>Starts keeping both of the process's outputs; call once the process has started.</summary>
    public void Follow(Process process)
    {
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
