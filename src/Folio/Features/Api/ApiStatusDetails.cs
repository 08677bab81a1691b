namespace Folio.Features.Api;

/// <summary>What to do about the statuses the framework answers before an endpoint runs, which come without a detail.</summary>
public static class ApiStatusDetails
{
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => "There is nothing at this address. The endpoints are listed at /developers and in /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => $"This address doesn't accept {context.HttpContext.Request.Method}; see /developers for what it does accept.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with `Content-Type: application/json`.",
            _ => null,
        };
    }
}
