using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Webhooks;

/// <summary>The webhook form, as typed: shown again with its messages when something is wrong.</summary>
public sealed class WebhookInput
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    [Display(Name = "Payload URL")]
    public string? Url { get; set; }

    [Display(Name = "Events")]
    public List<string> Events { get; set; } = [];

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Active: send deliveries")]
    public bool Active { get; set; } = true;

    public static WebhookInput From(Webhook webhook) => new()
    {
        Url = webhook.Url,
        Events = [.. webhook.Events],
        Description = webhook.Description,
        Active = webhook.Active,
    };

    /// <summary>Field errors, keyed by the input's property name; none means <see cref="ApplyTo"/> may run.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        var url = Url?.Trim() ?? "";
        if (url.Length == 0)
        {
            yield return (nameof(Url), "Enter the address Folio should send deliveries to, like https://example.org/folio-hook.");
        }
        else if (url.Length > MaxUrlLength)
        {
            yield return (nameof(Url), $"The address is longer than {MaxUrlLength} characters.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp || uri.Host.Length == 0)
        {
            yield return (nameof(Url), "Enter a full http:// or https:// address, like https://example.org/folio-hook.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            yield return (nameof(Url), "Leave the user name and password out of the address: receivers check the signature instead.");
        }

        if (Events.Count == 0)
        {
            yield return (nameof(Events), "Choose at least one event to send.");
        }
        else if (Events.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown)
        {
            yield return (nameof(Events), $"“{unknown}” is not an event Folio sends.");
        }

        if ((Description?.Trim().Length ?? 0) > MaxDescriptionLength)
        {
            yield return (nameof(Description), $"Keep the description to {MaxDescriptionLength} characters.");
        }
    }

    public void ApplyTo(Webhook webhook)
    {
        webhook.Url = Url!.Trim();
        webhook.Events = [.. WebhookEvents.All.Select(e => e.Name).Where(Events.Contains)];
        webhook.Description = Description?.Trim() ?? "";
        webhook.Active = Active;
    }
}
