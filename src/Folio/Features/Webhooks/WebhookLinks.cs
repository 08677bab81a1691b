using Folio.Pages.Shared;
using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>
/// SiteUrls for a save that may happen outside any request (an admin command, an import): Folio:Site:BaseUrl when
/// set, else the current request's address, else SiteUrls' local fallback.
/// </summary>
public sealed class WebhookLinks(IConfiguration configuration, IServiceProvider services)
{
    public SiteUrls Current() => new(
        Options.Create(new SiteOptions { BaseUrl = configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"] }),
        services.GetService<IHttpContextAccessor>() ?? new HttpContextAccessor());
}
