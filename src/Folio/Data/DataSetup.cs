using Folio.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace Folio.Data;

public static class DataSetup
{
    private static readonly SqliteBusyWait BusyWait = new();

    public static WebApplicationBuilder AddFolioData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FolioOptions>()
            .BindConfiguration(FolioOptions.Section)
            .Validate(o => o.Database != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Folio")),
                "Folio:Database=postgres needs ConnectionStrings:Folio, e.g. \"Host=db;Database=folio;Username=folio;Password=…\".")
            .ValidateOnStart();
        builder.Services.AddSingleton<DataDirectory>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SqliteWriteGate>();

        // The options are built once, not once per request: everything they are built from is a singleton.
        if (DatabaseProviders.Selected(builder.Configuration) == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<FolioDb, PostgresFolioDb>((services, options) =>
            {
                options.UseNpgsql(builder.Configuration.GetConnectionString("Folio"), postgres =>
                    postgres.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                TrustTheMigrations(options);
                ApplyFeatureConfiguration(services, options);
            }, optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            builder.Services.AddDbContext<FolioDb>((services, options) =>
            {
                var connectionString = builder.Configuration.GetConnectionString("Folio")
                    ?? services.GetRequiredService<DataDirectory>().SqliteConnectionString;
                options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(BusyWait, services.GetRequiredService<SqliteWriteGate>());
                TrustTheMigrations(options);
            }, optionsLifetime: ServiceLifetime.Singleton);
        }

        // Every host over FolioDb (the site and the admin commands) keeps the search index in step.
        builder.AddSearchIndex();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<FolioOptions>>().Value;
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            throw new InvalidOperationException(
                "The database needs migrations this version of Folio depends on, and Folio:MigrateOnStart is false. Run `Folio migrate` once, then start the nodes.");
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Without statistics SQLite's planner takes "Status = 'Published'" for a narrow range and drives a rare
            // tag's page from it, reading every published story; sampled statistics (a few hundred rows per index,
            // milliseconds a table) tell it otherwise. "optimize" with 0x10002 analyses only the tables that have no
            // statistics yet or have grown or shrunk 25-fold since theirs: a full ANALYZE at every start-up took 0.56 s at
            // 100,000 stories. PostgreSQL's autovacuum keeps its own.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;");
        }

        await Features.Accounts.RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
        if (options.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<Features.Demo.DemoSeeder>().SeedIfEmptyAsync();
        }

        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(db);
    }

    // Migrating checks, at every start, that the model has no changes its migrations lack, by building the last
    // migration's snapshot model and comparing the two: a tenth of start-up. MigrationTests make that check for both
    // databases before anything ships, so the running site skips it.
    private static void TrustTheMigrations(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    // Features add interceptors with ConfigureDbContext<FolioDb>; EF Core applies those to FolioDb's own options
    // only, so on PostgreSQL they are handed on to the PostgresFolioDb options here.
    private static void ApplyFeatureConfiguration(IServiceProvider services, DbContextOptionsBuilder options)
    {
        foreach (var configuration in services.GetServices<IDbContextOptionsConfiguration<FolioDb>>())
        {
            configuration.Configure(services, options);
        }
    }
}
