using Folio.Data;

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

        // Run on every save by the SavePipeline, in the order SaveHooks declares.
        builder.Services.AddSingleton<SearchIndexSync>();
        return builder;
    }
}
