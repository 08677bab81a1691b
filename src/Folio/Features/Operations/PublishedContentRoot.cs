namespace Folio.Features.Operations;

/// <summary>
/// A published Folio (its own folder holds <c>wwwroot</c>) finds its static files, <c>appsettings.json</c> and default
/// data directory beside the executable, wherever it is started from: systemd, a cron job or a shell in another
/// folder. ASP.NET Core's default is the working directory, which is right for <c>dotnet run</c> (the build output has
/// no <c>wwwroot</c>, so nothing changes there) and for tests, which name their content root.
/// </summary>
public static class PublishedContentRoot
{
    private static readonly string[] Named = ["--contentRoot", "--contentroot"];

    public static WebApplicationOptions For(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };

    /// <returns>The app's own folder, or null to leave the choice to ASP.NET Core.</returns>
    internal static string? Choose(string[] args, string appFolder, Func<string, string?> environment) =>
        IsNamed(args, environment) || !Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? null : appFolder;

    /// <summary>An operator's own choice, on the command line or in the environment, always wins.</summary>
    private static bool IsNamed(string[] args, Func<string, string?> environment) =>
        args.Any(arg => Named.Any(name => arg.Equals(name, StringComparison.OrdinalIgnoreCase)
                                          || arg.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)))
        || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
}
