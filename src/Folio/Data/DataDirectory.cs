using Microsoft.Extensions.Options;

namespace Folio.Data;

/// <summary>The folder that holds everything a Folio site owns on disk.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<FolioOptions> options, IHostEnvironment environment)
    {
        Path = System.IO.Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string SqliteConnectionString => $"Data Source={System.IO.Path.Combine(Path, "folio.db")}";

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
