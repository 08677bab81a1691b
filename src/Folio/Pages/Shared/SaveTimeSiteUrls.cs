using Microsoft.Extensions.Options;

namespace Folio.Pages.Shared;

/// <summary>
/// SiteUrls for what a save records to send later (webhook payloads, fediverse activities), which may happen outside any
/// request (an admin command, an import) and in a singleton: Folio:Site:BaseUrl when set, else the current request's
/// address, else SiteUrls' local fallback.
/// </summary>
public sealed class SaveTimeSiteUrls(IConfiguration configuration, IServiceProvider services)
{
    public SiteUrls Current() => new(
        Options.Create(new SiteOptions { BaseUrl = configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"] }),
        services.GetService<IHttpContextAccessor>() ?? new HttpContextAccessor());
}
