using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Folio.Data;

/// <summary>Used by `dotnet ef migrations add`; the running app configures FolioDb in DataSetup.</summary>
internal sealed class DesignTimeFolioDbFactory : IDesignTimeDbContextFactory<FolioDb>
{
    public FolioDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FolioDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>`dotnet ef migrations add … --context PostgresFolioDb`: adding a migration needs no server.</summary>
internal sealed class DesignTimePostgresFolioDbFactory : IDesignTimeDbContextFactory<PostgresFolioDb>
{
    public PostgresFolioDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFolioDb>().UseNpgsql("Host=localhost;Database=folio_design_time").Options);
}
