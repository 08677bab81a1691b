using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

public static class SearchSetup
{
    /// <summary>The one place the search implementation follows the database provider.</summary>
    public static WebApplicationBuilder AddSearchIndex(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISearchIndex>(services => DatabaseProviders.Selected(builder.Configuration) switch
        {
            DatabaseProvider.Postgres => ActivatorUtilities.CreateInstance<PostgresSearchIndex>(services),
            _ => ActivatorUtilities.CreateInstance<SqliteSearchIndex>(services),
        });
        builder.Services.AddSingleton<SearchIndexSync>();
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<SearchIndexSync>()));
        return builder;
    }
}
