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
                StatusCodeSelector = exception => UnreadableRequest.StatusOf(exception) ?? StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = handled => UnreadableRequest.StatusOf(handled.Exception) is not null,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiSetup.Prefix) || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments(Folio.Features.Writing.InlineImages.Path);
}
