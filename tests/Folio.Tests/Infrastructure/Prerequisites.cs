namespace Folio.Tests.Infrastructure;

/// <summary>
/// Whether a test whose server or browser is missing is skipped (a developer's machine) or fails (CI: `.ci/run` sets
/// FOLIO_TESTS_REQUIRE_ALL=1 after installing everything, so a test can never pass there by not running).
/// </summary>
public static class Prerequisites
{
    public static bool AreRequired => Environment.GetEnvironmentVariable("FOLIO_TESTS_REQUIRE_ALL") == "1";

    /// <summary>The skip reason for what is missing, or null when the test must run (and fail if it is missing).</summary>
    public static string? SkipUnlessRequired(string? missing) => AreRequired ? null : missing;

    public static string? PostgresMissing =>
        PostgresCluster.FindBinaries() is null
            ? "Needs Debian's postgresql package (initdb, pg_ctl) for a throwaway PostgreSQL server: apt-get install postgresql."
            : null;
}
