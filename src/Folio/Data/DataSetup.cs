using Folio.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Data;

public static class DataSetup
{
    public static WebApplicationBuilder AddFolioData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FolioOptions>()
            .BindConfiguration(FolioOptions.Section)
            .Validate(o => o.Database == DatabaseProvider.Sqlite,
                "Folio:Database=postgres is not supported yet; use sqlite (the default).")
            .ValidateOnStart();
        builder.Services.AddSingleton<DataDirectory>();
        builder.Services.AddDbContext<FolioDb>((services, options) =>
        {
            var connectionString = builder.Configuration.GetConnectionString("Folio")
                ?? services.GetRequiredService<DataDirectory>().SqliteConnectionString;
            options.UseSqlite(connectionString, sqlite =>
                sqlite.MigrationsAssembly(typeof(FolioDb).Assembly.FullName)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        });
        builder.Services.AddSingleton(TimeProvider.System);

        // Every host over FolioDb (the site and the admin commands) keeps the search index in step.
        builder.AddSearchIndex();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await Features.Accounts.RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<FolioOptions>>().Value;
        if (options.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<Features.Demo.DemoSeeder>().SeedIfEmptyAsync();
        }

        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(db);
    }
}
