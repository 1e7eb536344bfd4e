using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;

namespace Talent.Feedback.Evaluations;

/// <summary>Table <c>evaluations</c>; columns by convention, the scores as jsonb.</summary>
public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.HasKey(v => v.Id);
        // One evaluation per service (一事一评), kept by the database even under concurrent submissions.
        e.HasIndex(v => v.SubjectId).IsUnique();
        e.Property(v => v.SubjectKind).HasMaxLength(20);
        e.Property(v => v.Title).HasMaxLength(400);
        e.Property(v => v.ApplicantId).HasMaxLength(100);
        e.Property(v => v.ItemCode).HasMaxLength(64);
        e.Property(v => v.LeadDepartment).HasMaxLength(20);
        e.Property(v => v.OwnerId).HasMaxLength(100);
        e.Property(v => v.Level).HasConversion<string>().HasMaxLength(30);
        e.Property(v => v.Scores).HasJsonColumn("scores", JsonSerializerOptions.Web);
        e.Property(v => v.Comment).HasMaxLength(Evaluation.CommentMaxLength);
        e.Property(v => v.Channel).HasMaxLength(10);
        e.Property(v => v.Addition).HasMaxLength(Evaluation.CommentMaxLength);
        e.HasIndex(v => new { v.ApplicantId, v.SubmittedAt });
        e.HasIndex(v => new { v.LeadDepartment, v.SubmittedAt });
    }
}
