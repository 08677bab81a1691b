using Folio.Features.Api;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Folio.Features.Developers;

public sealed class ApiReferencePageModel(ApiReferenceReader reader, IOptions<ApiOptions> options, SiteUrls urls, PageHead head) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;

    public ApiOptions Limits => options.Value;

    public string BaseUrl => urls.Absolute("/api/v1");

    /// <summary>A real paged list to show paging with, when one exists.</summary>
    public ApiOperationView? PagedExample => Reference.Operations.FirstOrDefault(o => o.Method == "GET" && o.Parameters.Any(p => p.Name == "cursor"));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await reader.ReadAsync(cancellationToken);
        head.Title = "API reference";
        head.Description = "The Folio API: authenticate with a personal access token, then read and write stories, communities, comments "
            + "and reader insights as JSON. Every endpoint, its parameters, fields and responses.";
    }
}
