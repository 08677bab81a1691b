using Folio.Features.Api;

namespace Folio.Features.Errors;

public static class ErrorPagesSetup
{
    /// <summary>People get an error page; API clients get an RFC 9457 problem detail for every 4xx and 5xx.</summary>
    public static WebApplication UseFolioErrorPages(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // A form the endpoint couldn't read (follow=abc, a body over the size limit) is the sender's mistake: 400 or 413, not 500.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiSetup.Prefix) || context.Request.Path.StartsWithSegments("/openapi");
}
