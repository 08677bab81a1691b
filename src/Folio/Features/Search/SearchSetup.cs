using Folio.Data;

namespace Folio.Features.Search;

public static class SearchSetup
{
    /// <summary>The one place the search implementation follows the database provider.</summary>
    public static WebApplicationBuilder AddSearchIndex(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section)
            .Validate(o => o.MostCounted >= 1, "Folio:Search:MostCounted must be at least 1.").ValidateOnStart();
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
