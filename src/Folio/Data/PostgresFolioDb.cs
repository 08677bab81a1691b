using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>FolioDb on PostgreSQL: the same model, with the migrations in Migrations/Postgres.</summary>
public sealed class PostgresFolioDb(DbContextOptions<PostgresFolioDb> options) : FolioDb(options);
