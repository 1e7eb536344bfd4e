using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Visits;

/// <summary>Table <c>survey_visits</c>; the demands recorded from a visit as a uuid array.</summary>
public sealed class SurveyVisitConfiguration : IEntityTypeConfiguration<SurveyVisit>
{
    public void Configure(EntityTypeBuilder<SurveyVisit> e)
    {
        e.ToTable("survey_visits");
        e.HasKey(v => v.Id);
        e.Property(v => v.VisitorId).HasMaxLength(100);
        e.Property(v => v.VisitorName).HasMaxLength(200);
        e.Property(v => v.VisitorRole).HasMaxLength(20);
        e.Property(v => v.ClientId).HasMaxLength(100);
        e.Property(v => v.ClientName).HasMaxLength(200);
        e.Property(v => v.ClientKind).HasMaxLength(20);
        e.Property(v => v.Summary).HasMaxLength(SurveyVisit.SummaryMaxLength);
        e.HasIndex(v => new { v.VisitorId, v.RecordedAt });
        e.HasIndex(v => new { v.ClientId, v.VisitedOn });
    }
}
