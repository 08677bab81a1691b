namespace Folio.Features.Errors;

public static class ErrorPagesSetup
{
    public static WebApplication UseFolioErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
