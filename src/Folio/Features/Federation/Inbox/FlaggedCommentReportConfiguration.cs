using Folio.Features.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// A comment report that came as a Flag names the remote actor who sent it, in a column only federation writes and
/// reads (<see cref="FlagActivities.RemoteActorColumn"/>). No foreign key: SQLite would rebuild the table to add one.
/// </summary>
internal sealed class FlaggedCommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> report)
    {
        report.Property<int?>(FlagActivities.RemoteActorColumn);
        report.HasIndex(FlagActivities.RemoteActorColumn);
    }
}
