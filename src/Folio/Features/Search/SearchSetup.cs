using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

public static class SearchSetup
{
    /// <summary>
    /// The one place the search implementation follows the database provider. PostgreSQL will bring its own
    /// (a tsvector column with a GIN index, ts_rank_cd and ts_headline) behind the same ISearchIndex.
    /// </summary>
    public static WebApplicationBuilder AddSearchIndex(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue($"{FolioOptions.Section}:{nameof(FolioOptions.Database)}", DatabaseProvider.Sqlite);
        builder.Services.AddSingleton<ISearchIndex>(services => provider switch
        {
            DatabaseProvider.Sqlite => ActivatorUtilities.CreateInstance<SqliteSearchIndex>(services),
            _ => throw new NotSupportedException($"Search on {provider} is not implemented yet."),
        });
        builder.Services.AddSingleton<SearchIndexSync>();
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<SearchIndexSync>()));
        return builder;
    }
}
