namespace Folio.BrowserTests.Infrastructure;

/// <summary>A test that needs Chromium and the Playwright driver: reported as skipped, with the reason, where they are missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
