using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;

namespace Talent.Applications.Enquiries;

/// <summary>Table <c>enquiries</c>; column names by the snake-case convention, the steps as jsonb, <c>xmin</c> as the concurrency token.</summary>
public sealed class EnquiryConfiguration : IEntityTypeConfiguration<Enquiry>
{
    public void Configure(EntityTypeBuilder<Enquiry> e)
    {
        e.HasKey(q => q.Id);
        e.Property(q => q.ApplicantId).HasMaxLength(100);
        e.Property(q => q.ApplicantName).HasMaxLength(200);
        e.Property(q => q.ItemCode).HasMaxLength(64);
        e.Property(q => q.Department).HasMaxLength(20);
        e.Property(q => q.Question).HasMaxLength(Enquiry.MaxLength);
        e.Property(q => q.Answer).HasMaxLength(Enquiry.MaxLength);
        e.Property(q => q.OwnerId).HasMaxLength(100);
        e.Property(q => q.OwnerName).HasMaxLength(200);
        e.Property(q => q.OwnerDepartment).HasMaxLength(20);
        e.Property(q => q.ReceivedById).HasMaxLength(100);
        e.Property(q => q.Channel).HasMaxLength(10).HasDefaultValue("online");
        e.Property(q => q.Steps).HasJsonColumn("steps", JsonSerializerOptions.Web);
        e.Property<uint>("Version").IsRowVersion();
        // The department's list and the applicant's own, by date.
        e.HasIndex(q => new { q.Department, q.AskedAt });
        e.HasIndex(q => new { q.ApplicantId, q.AskedAt });
        // What a staff member owns or received, wherever the item belongs.
        e.HasIndex(q => q.OwnerId).HasFilter("owner_id IS NOT NULL");
        e.HasIndex(q => q.ReceivedById).HasFilter("received_by_id IS NOT NULL");
    }
}
