using System.Diagnostics;
using System.Reflection;

namespace Folio.Testing;

/// <summary>`dotnet Folio.dll`, where the project reference built it, over the source folder whose wwwroot and appsettings it serves.</summary>
internal static class FolioExecutable
{
    private static readonly string Dll = BuildMetadata("FolioDll");
    private static readonly string ContentRoot = BuildMetadata("FolioContentRoot");

    /// <summary>Starts it with every standard stream redirected and the given environment over the test runner's own.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException($"Folio is not built at {Dll}; build the solution first.", Dll);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ContentRoot,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add($"--contentRoot={ContentRoot}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's own addresses would make every server fight for one port.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static string BuildMetadata(string key) =>
        typeof(FolioExecutable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Folio.Testing was built without {key}.");
}
