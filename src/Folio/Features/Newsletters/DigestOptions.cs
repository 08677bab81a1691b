using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>How digests are sent: Folio:Newsletters:DigestInterval (how often a pass looks for due readers) and DigestBatchSize.</summary>
public sealed class DigestOptions
{
    public const string Section = "Folio:Newsletters";

    /// <summary>How often the worker looks for readers whose digest is due; a digest arrives at most this late.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Readers read per query while a pass pages through those who are due.</summary>
    public int DigestBatchSize { get; set; } = 500;

    public string? Problem() => this switch
    {
        { DigestInterval: var interval } when interval < TimeSpan.FromMilliseconds(100) || interval > TimeSpan.FromHours(1) =>
            $"{Section}:DigestInterval must be between 00:00:00.1 and 01:00:00 (it is {DigestInterval}).",
        { DigestBatchSize: < 10 or > 5000 } => $"{Section}:DigestBatchSize must be between 10 and 5000 (it is {DigestBatchSize}).",
        _ => null,
    };
}

internal sealed class DigestOptionsValidation : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
