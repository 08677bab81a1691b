using System.Globalization;
using Folio.Data;
using Folio.Features.Standing;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel(FolioDb db, AccountStandings standings, PageHead head) : PageModel
{
    public int Code { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Communities { get; private set; } = [];

    /// <summary>For a 403 to a suspended, banned or unconfirmed account: why, and until when.</summary>
    public StandingRefusal? Refusal { get; private set; }

    public string Heading => Refusal?.Title ?? Code switch
    {
        404 => "We couldn’t find that page",
        413 => "That was too much to send at once",
        403 => "This page isn’t open to you",
        >= 500 => "Something went wrong on our side",
        _ => "That request didn’t work",
    };

    /// <summary>
    /// The text fields of a form refused for the account's standing, given back so that what was written isn't lost
    /// (the person may have been suspended, or the rule turned on, while the form was open).
    /// </summary>
    public IReadOnlyList<KeptField> KeptFields { get; private set; } = [];

    /// <summary>What was wrong with a request that couldn't be read, as the exception handler saw it.</summary>
    public string? Reason { get; private set; }

    // The code comes from the route, not from binding: binding would read the form of a re-executed POST, which may be
    // the very body that couldn't be read.
    public async Task OnGetAsync()
    {
        var code = int.Parse((string)RouteData.Values["code"]!, CultureInfo.InvariantCulture);
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Code = (error is null ? null : UnreadableRequest.StatusOf(error)) ?? (code is >= 400 and <= 599 ? code : 404);
        Reason = error switch
        {
            BadHttpRequestException bad => bad.Message,
            not null when UnreadableRequest.StatusOf(error) is not null => "The form’s body was cut short or isn’t the kind it says it is.",
            _ => null,
        };
        Response.StatusCode = Code;
        if (Code == 403)
        {
            Refusal = await standings.RefusalForAsync(User, HttpContext.RequestAborted);
            if (Refusal is not null && Request.HasFormContentType)
            {
                KeptFields = KeptField.From(await Request.ReadFormAsync(HttpContext.RequestAborted));
            }
        }

        head.Title = Heading;
        if (Code == 404)
        {
            var communities = await db.Communities.OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).Take(12).ToListAsync();
            Communities = communities.Select(c => (c.Slug, c.Name)).ToList();
        }
    }

    public Task OnPostAsync() => OnGetAsync();
}
