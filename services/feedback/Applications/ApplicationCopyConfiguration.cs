using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Feedback.Applications;

/// <summary>Table <c>applications</c>; columns by convention.</summary>
public sealed class ApplicationCopyConfiguration : IEntityTypeConfiguration<ApplicationCopy>
{
    public void Configure(EntityTypeBuilder<ApplicationCopy> e)
    {
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Reference).HasMaxLength(20);
        e.Property(a => a.ApplicantId).HasMaxLength(100);
        e.Property(a => a.ItemCode).HasMaxLength(64);
        e.Property(a => a.LeadDepartment).HasMaxLength(20);
        e.Property(a => a.OwnerId).HasMaxLength(100);
        e.HasIndex(a => a.ApplicantId);
    }
}
