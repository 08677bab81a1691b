using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Creators;

internal sealed class UsernameRedirectConfiguration : IEntityTypeConfiguration<UsernameRedirect>
{
    public void Configure(EntityTypeBuilder<UsernameRedirect> redirect)
    {
        redirect.Property(r => r.NormalizedOldUserName).HasMaxLength(256);
        redirect.HasIndex(r => r.NormalizedOldUserName).IsUnique();
        redirect.HasOne(r => r.User).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
