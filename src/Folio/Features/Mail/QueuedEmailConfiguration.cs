using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Mail;

internal sealed class QueuedEmailConfiguration : IEntityTypeConfiguration<QueuedEmail>
{
    public void Configure(EntityTypeBuilder<QueuedEmail> email)
    {
        email.Property(e => e.ToAddress).HasMaxLength(254);
        email.Property(e => e.ToName).HasMaxLength(120);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.Text).HasMaxLength(20_000);
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}
