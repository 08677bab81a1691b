using System.Text;
using System.Text.Json;
using Folio.Features.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Folio.Features.Api;

/// <summary>
/// Bad JSON, a string where a number belongs, an unknown field, a body that is too big: the request never reaches
/// an endpoint, and the client is told what to fix in a problem detail rather than getting an empty 400.
/// </summary>
public sealed class UnreadableRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!http.Request.Path.StartsWithSegments(ApiSetup.Prefix))
        {
            return false;
        }

        // The JSON reader throws a plain InvalidOperationException for a charset it doesn't know.
        if (exception is InvalidOperationException && HasUnknownCharset(http.Request))
        {
            exception = new BadHttpRequestException(
                $"The body's charset \"{http.Request.GetTypedHeaders().ContentType!.Charset}\" is not one Folio can read; send JSON in UTF-8.",
                StatusCodes.Status415UnsupportedMediaType, exception);
        }

        if (exception is not BadHttpRequestException && UnreadableRequest.StatusOf(exception) is { } status)
        {
            exception = new BadHttpRequestException($"The request body could not be read: {exception.Message}", status, exception);
        }

        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request could not be read",
                Detail = Explain(bad),
            },
        });
    }

    private static bool HasUnknownCharset(HttpRequest request)
    {
        var charset = request.GetTypedHeaders().ContentType?.Charset;
        if (!charset.HasValue)
        {
            return false;
        }

        try
        {
            Encoding.GetEncoding(charset.Value.ToString().Trim('"'));
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static string Explain(BadHttpRequestException bad) => bad.InnerException switch
    {
        InvalidOperationException => bad.Message,
        JsonException json => $"The body is not the JSON this endpoint expects: {FirstSentence(json.Message)} (at {json.Path ?? "$"}).",
        _ => bad.Message,
    };

    // System.Text.Json appends the path and position to its messages; they are reported separately.
    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].TrimEnd('.');
}
