namespace Folio.Testing;

/// <summary>How an admin command (`folio user add …`) ended: its exit code and what it wrote.</summary>
public sealed record FolioRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}
