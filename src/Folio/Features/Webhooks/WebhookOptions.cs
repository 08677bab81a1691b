using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>How deliveries are sent: Folio:Webhooks:PollInterval, Timeout and MaxAttempts.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Folio:Webhooks";

    /// <summary>How often the worker looks for due retries; a new delivery wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a receiver has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is abandoned; the pauses between them grow from 30 seconds to a day.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>What is wrong with the settings, in words for the operator; null when nothing is.</summary>
    public string? Problem() => this switch
    {
        { PollInterval: var poll } when poll < TimeSpan.FromMilliseconds(100) || poll > TimeSpan.FromHours(1) =>
            $"{Section}:PollInterval must be between 00:00:00.1 and 01:00:00 (it is {PollInterval}).",
        { Timeout: var timeout } when timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(5) =>
            $"{Section}:Timeout must be between 00:00:01 and 00:05:00 (it is {Timeout}).",
        { MaxAttempts: < 1 or > 20 } => $"{Section}:MaxAttempts must be between 1 and 20 (it is {MaxAttempts}).",
        _ => null,
    };
}

internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
