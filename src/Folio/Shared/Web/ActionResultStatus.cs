using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Shared.Web;

/// <summary>A page or fragment shown again with the status that says why, such as 400 for a form to mend or 409 for a change that came too late.</summary>
public static class ActionResultStatus
{
    public static PageResult WithStatus(this PageResult page, int status)
    {
        page.StatusCode = status;
        return page;
    }

    public static PartialViewResult WithStatus(this PartialViewResult partial, int status)
    {
        partial.StatusCode = status;
        return partial;
    }
}
