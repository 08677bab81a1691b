using Folio.Data;
using Folio.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Operations;

/// <summary>
/// A data directory whose apps and commands run on SQLite whatever FOLIO_TEST_DATABASE says, because backup, restore
/// and copy-to are about the SQLite file itself.
/// </summary>
public sealed class SqliteSite : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "folio-tests", "ops-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(DataDirectory, "folio.db");

    public Dictionary<string, string?> Settings => new()
    {
        ["Folio:Database"] = "sqlite",
        ["ConnectionStrings:Folio"] = $"Data Source={DatabasePath}",
    };

    /// <summary>The same settings in the `--Section:Key=value` form the admin commands take.</summary>
    public string[] CommandSettings =>
        [$"--Folio:DataDirectory={DataDirectory}", .. Settings.Select(s => $"--{s.Key}={s.Value}")];

    public FolioApp App(bool seedDemo = false) => new(seedDemo, DataDirectory, Settings);

    /// <summary>A context over the site's database file that, unlike an app, does not create or migrate it.</summary>
    public FolioDb OpenDb() => new(new DbContextOptionsBuilder<FolioDb>().UseSqlite($"Data Source={DatabasePath}").Options);

    public DataDirectory Folder() =>
        new(Options.Create(new FolioOptions { DataDirectory = DataDirectory }), new HostingEnvironment { ContentRootPath = DataDirectory });

    public void Dispose()
    {
        TestDatabase.Drop(DataDirectory);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the OS temp cleaner takes it later.
        }
    }
}
