using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Folio.Data;

/// <summary>Used by `dotnet ef migrations add`; the running app configures FolioDb in DataSetup.</summary>
internal sealed class DesignTimeFolioDbFactory : IDesignTimeDbContextFactory<FolioDb>
{
    public FolioDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FolioDb>().UseSqlite("Data Source=design-time.db").Options);
}
