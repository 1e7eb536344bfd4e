using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Record;

/// <summary>Table <c>record_entries</c>: by person and time, and by what was rated (a rating finds its person through it).</summary>
public sealed class RecordEntryConfiguration : IEntityTypeConfiguration<RecordEntry>
{
    public void Configure(EntityTypeBuilder<RecordEntry> e)
    {
        e.ToTable("record_entries");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.PersonId).HasMaxLength(100);
        e.Property(r => r.Kind).HasMaxLength(30);
        e.Property(r => r.Reference).HasMaxLength(40);
        e.Property(r => r.ItemCode).HasMaxLength(64);
        e.Property(r => r.ItemTitleZh).HasMaxLength(200);
        e.Property(r => r.ItemTitleEn).HasMaxLength(200);
        e.Property(r => r.Outcome).HasMaxLength(30);
        e.HasIndex(r => new { r.PersonId, r.At });
        e.HasIndex(r => r.SubjectId);
    }
}

/// <summary>Table <c>record_sharing</c>: one row per person who ever chose.</summary>
public sealed class RecordSharingConfiguration : IEntityTypeConfiguration<RecordSharing>
{
    public void Configure(EntityTypeBuilder<RecordSharing> e)
    {
        e.ToTable("record_sharing");
        e.HasKey(r => r.PersonId);
        e.Property(r => r.PersonId).HasMaxLength(100);
    }
}
