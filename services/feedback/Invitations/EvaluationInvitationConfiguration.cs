using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Feedback.Invitations;

/// <summary>Table <c>evaluation_invitations</c> (not the DbSet's name); columns by convention.</summary>
public sealed class EvaluationInvitationConfiguration : IEntityTypeConfiguration<EvaluationInvitation>
{
    public void Configure(EntityTypeBuilder<EvaluationInvitation> e)
    {
        e.ToTable("evaluation_invitations");
        e.HasKey(i => i.SubjectId);
        e.Property(i => i.SubjectId).ValueGeneratedNever();
        e.Property(i => i.SubjectKind).HasMaxLength(20);
        e.Property(i => i.Title).HasMaxLength(400);
        e.Property(i => i.Reference).HasMaxLength(20);
        e.Property(i => i.ApplicantId).HasMaxLength(100);
        e.Property(i => i.ItemCode).HasMaxLength(64);
        e.Property(i => i.LeadDepartment).HasMaxLength(20);
        e.Property(i => i.OwnerId).HasMaxLength(100);
        e.HasIndex(i => new { i.ApplicantId, i.DecidedAt });
    }
}
