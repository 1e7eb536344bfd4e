using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Audit;

/// <summary>Table <c>audit_entries</c>, read newest first, as a whole or by subject; one entry per revision of a subject.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Id);
        e.Property(a => a.Actor).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(60);
        e.Property(a => a.Subject).HasMaxLength(60);
        e.Property(a => a.Details).HasColumnType("jsonb");
        e.HasIndex(a => new { a.Subject, a.Revision }).IsUnique();
        e.HasIndex(a => a.At);
    }
}
