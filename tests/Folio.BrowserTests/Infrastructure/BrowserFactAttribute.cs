namespace Folio.BrowserTests.Infrastructure;

/// <summary>
/// A test that needs Chromium and the Playwright driver: skipped, with the reason, where they are missing, except on
/// CI (`.ci/run` sets FOLIO_TESTS_REQUIRE_ALL=1), where a missing browser fails the test instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() =>
        Skip = Environment.GetEnvironmentVariable("FOLIO_TESTS_REQUIRE_ALL") == "1" ? null : Chromium.Unavailable;
}
