using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Mail;

internal sealed class QueuedEmailConfiguration : IEntityTypeConfiguration<QueuedEmail>
{
    public void Configure(EntityTypeBuilder<QueuedEmail> email)
    {
        // A table of its own since the contents moved out: reshaping QueuedEmails in place made SQLite rebuild it outside
        // the migration's transaction.
        email.ToTable("EmailQueue");
        email.Property(e => e.ToAddress).HasMaxLength(254);
        email.Property(e => e.ToName).HasMaxLength(120);
        email.Property(e => e.RecipientId).HasMaxLength(450);
        email.Property(e => e.UnsubscribeUrl).HasMaxLength(2000);
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.HasOne(e => e.Content).WithMany().HasForeignKey(e => e.ContentId).OnDelete(DeleteBehavior.Cascade);
        email.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
        email.HasIndex(e => e.StoryId);
        email.HasIndex(e => e.RecipientId);
    }
}

internal sealed class EmailContentConfiguration : IEntityTypeConfiguration<EmailContent>
{
    public void Configure(EntityTypeBuilder<EmailContent> content)
    {
        content.Property(c => c.Subject).HasMaxLength(300);
        content.Property(c => c.RecipientMarker).HasMaxLength(64);
    }
}
