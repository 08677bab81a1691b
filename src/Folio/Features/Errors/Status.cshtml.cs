using Folio.Data;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel(FolioDb db, PageHead head) : PageModel
{
    public int Code { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Communities { get; private set; } = [];

    public string Heading => Code switch
    {
        404 => "We couldn’t find that page",
        403 => "This page isn’t open to you",
        >= 500 => "Something went wrong on our side",
        _ => "That request didn’t work",
    };

    public async Task OnGetAsync(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        head.Title = Heading;
        if (Code == 404)
        {
            var communities = await db.Communities.OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).Take(12).ToListAsync();
            Communities = communities.Select(c => (c.Slug, c.Name)).ToList();
        }
    }

    public Task OnPostAsync(int code) => OnGetAsync(code);
}
