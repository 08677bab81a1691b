using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

public sealed class FolioDb(DbContextOptions<FolioDb> options) : IdentityDbContext<FolioUser>(options)
{
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ReaderInsight> ReaderInsights => Set<ReaderInsight>();
    public DbSet<Heart> Hearts => Set<Heart>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FolioDb).Assembly);
    }
}
