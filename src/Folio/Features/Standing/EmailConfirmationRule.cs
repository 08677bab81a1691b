using Folio.Features.SiteAdmin;

namespace Folio.Features.Standing;

/// <summary>
/// Whether accounts must confirm their email before they write, comment, heart or give insights: the one place that
/// says so, from the site's settings (set at /admin/site, else Folio:Site:RequireConfirmedEmail, default false).
/// </summary>
public sealed class EmailConfirmationRule(CurrentSite site)
{
    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken) => (await site.GetAsync(cancellationToken)).RequireConfirmedEmail;
}
