namespace Folio.Features.Standing;

/// <summary>
/// Whether accounts must confirm their email before they write, comment, heart or give insights. The one place that
/// says so: Folio:Accounts:RequireConfirmedEmail (default false) until the site settings store their own choice.
/// </summary>
public sealed class EmailConfirmationRule(IConfiguration configuration)
{
    public const string Setting = "Folio:Accounts:RequireConfirmedEmail";

    public Task<bool> IsRequiredAsync(CancellationToken cancellationToken) =>
        Task.FromResult(configuration.GetValue(Setting, defaultValue: false));
}
