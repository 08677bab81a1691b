using Microsoft.AspNetCore.Antiforgery;

namespace Folio.Features.Errors;

/// <summary>
/// A request the server could not read is the sender's mistake, not the server's: a form value that doesn't bind
/// (follow=abc), a multipart body cut short or without its boundary, a form over a size limit, an antiforgery token
/// that can't be read from such a body. Every surface answers these 400 (413 for a limit) and logs no error for them.
/// </summary>
public static class UnreadableRequest
{
    /// <summary>The status the request deserves, or null when the exception is the server's own failure.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException { InnerException: { } inner } => StatusOf(inner) ?? StatusCodes.Status400BadRequest,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        // FormFeature and MultipartReader name the limit in every message about one ("Form value count limit 1024 exceeded").
        InvalidDataException invalid => invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status400BadRequest,
        // A multipart body that ends before its closing boundary; any other I/O failure is the server's.
        IOException io when io.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.WebUtilities" => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
