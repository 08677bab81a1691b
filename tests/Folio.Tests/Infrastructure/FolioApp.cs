using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Folio.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Folio.Tests.Infrastructure;

/// <summary>The real app on its own SQLite database in its own data directory, with a clock the test controls.</summary>
public sealed class FolioApp : WebApplicationFactory<Program>
{
    private readonly bool _seedDemo;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    static FolioApp()
    {
        // Hundreds of app instances per run would each hold inotify watchers (config reload, file
        // versions, static files) and exhaust the kernel's per-user limit; tests never edit files live.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    /// <param name="settings">Configuration for this app only, e.g. ["Folio:Api:RequestsPerMinute"] = "3".</param>
    public FolioApp(bool seedDemo = false, string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _seedDemo = seedDemo;
        _settings = settings ?? new Dictionary<string, string?>();
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "folio-tests", Guid.NewGuid().ToString("N"));
        OwnsDataDirectory = dataDirectory is null;
    }

    private const int TestPasswordRounds = 1_000;

    public string DataDirectory { get; }
    /// <summary>Starts at the real time (cookie expiry is checked against it by HttpClient), then moves only when a test says so.</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private bool OwnsDataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Folio:DataDirectory", DataDirectory);
        builder.UseSetting("Folio:SeedDemo", _seedDemo ? "true" : "false");
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory, MigrateTemplate))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            // Identity's 100,000 rounds of PBKDF2 cost a tenth of a second per hash: a run that signs people in
            // thousands of times spends minutes of CPU on them. A hash keeps its own count, so sign-in is unchanged.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordRounds);
            services.AddHttpContextAccessor();
            services.AddSingleton<SqlCommandLog>();
            services.ConfigureDbContext<FolioDb>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlCommandLog>()));
        });
    }

    /// <summary>Sends a GET and returns every SQL command the app ran to answer it.</summary>
    public async Task<IReadOnlyList<LoggedCommand>> CommandsRunByAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SqlCommandLog.Header, mark);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return Services.GetRequiredService<SqlCommandLog>().For(mark);
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    public async Task WithDbAsync(Func<FolioDb, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<FolioDb>());
    }

    public async Task<T> WithDbAsync<T>(Func<FolioDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<FolioDb>());
    }

    public TestData Data => new(this);

    /// <summary>Fills the template database (PostgreSQL's, or SQLite's file) that every test's database is copied from.</summary>
    public static void MigrateTemplate(string connectionString)
    {
        using FolioDb db = TestDatabase.IsPostgres
            ? new PostgresFolioDb(new DbContextOptionsBuilder<PostgresFolioDb>().UseNpgsql(connectionString + ";Pooling=false").Options)
            : new FolioDb(new DbContextOptionsBuilder<FolioDb>().UseSqlite(connectionString).Options);
        db.Database.Migrate();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDataDirectory)
        {
            TestDatabase.Drop(DataDirectory);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine; the OS temp cleaner takes it later.
            }
        }
    }
}

public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public DateTime UtcNow => Now.UtcDateTime;
    public override DateTimeOffset GetUtcNow() => Now;
}
