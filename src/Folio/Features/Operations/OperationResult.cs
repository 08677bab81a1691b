namespace Folio.Features.Operations;

/// <summary>What an operations command reports: the line for standard output, or why it did nothing.</summary>
public sealed record OperationResult(bool Succeeded, string Message)
{
    public static OperationResult Done(string message) => new(true, message);

    public static OperationResult Refused(string message) => new(false, message);
}
