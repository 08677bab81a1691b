using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<Webhook> webhook)
    {
        webhook.Property(w => w.Url).HasMaxLength(2000);
        webhook.Property(w => w.Secret).HasMaxLength(100);
        webhook.Property(w => w.Description).HasMaxLength(200);
        webhook.HasMany(w => w.Deliveries).WithOne(d => d.Webhook).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.Property(d => d.Event).HasMaxLength(40);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.HasIndex(d => d.NextAttemptAt);
        delivery.HasIndex(d => new { d.WebhookId, d.CreatedAt });
    }
}
