using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;
using Talent.Feedback.Evaluations;

namespace Talent.Feedback.Rectifications;

/// <summary>
/// Table <c>rectification_cases</c> (not the DbSet's name); columns by convention, states as text, the history as jsonb,
/// <c>xmin</c> as the concurrency token.
/// </summary>
public sealed class RectificationCaseConfiguration : IEntityTypeConfiguration<RectificationCase>
{
    public void Configure(EntityTypeBuilder<RectificationCase> e)
    {
        e.ToTable("rectification_cases");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.EvaluationId).IsUnique();
        e.Property(c => c.ItemCode).HasMaxLength(64);
        e.Property(c => c.ItemTitle).HasMaxLength(400);
        e.Property(c => c.Department).HasMaxLength(20);
        e.Property(c => c.OwnerId).HasMaxLength(100);
        e.Property(c => c.Level).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Comment).HasMaxLength(Evaluation.CommentMaxLength);
        e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Findings).HasMaxLength(RectificationCase.TextMaxLength);
        e.Property(c => c.Changes).HasMaxLength(RectificationCase.TextMaxLength);
        e.Property(c => c.ReturnVisitNote).HasMaxLength(RectificationCase.TextMaxLength);
        e.Property(c => c.Appeal).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.AppealReason).HasMaxLength(RectificationCase.TextMaxLength);
        e.Property(c => c.AppealDecisionNote).HasMaxLength(RectificationCase.TextMaxLength);
        e.Property(c => c.AppealDecidedBy).HasMaxLength(100);
        e.Property(c => c.OverdueFlaggedFor).HasMaxLength(40);
        e.Property(c => c.Outcome).HasMaxLength(20);
        e.Property(c => c.History).HasJsonColumn("history", JsonSerializerOptions.Web);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(c => new { c.Department, c.State, c.StageDueOn });
    }
}
