using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Feedback.Invitations;
using Talent.Messaging.Persistence;

namespace Talent.Feedback.Data;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    public DbSet<EvaluationInvitation> Invitations => Set<EvaluationInvitation>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<EvaluationInvitation>(e =>
        {
            e.ToTable("evaluation_invitations");
            e.HasKey(i => i.ApplicationId);
            e.Property(i => i.ApplicationId).HasColumnName("application_id").ValueGeneratedNever();
            e.Property(i => i.Reference).HasColumnName("reference").HasMaxLength(20);
            e.Property(i => i.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(i => i.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(i => i.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(i => i.Departments).HasColumnName("departments");
            e.Property(i => i.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(i => i.Approved).HasColumnName("approved");
            e.Property(i => i.DecidedAt).HasColumnName("decided_at");
            e.Property(i => i.OpenUntil).HasColumnName("open_until");
            e.HasIndex(i => new { i.ApplicantId, i.DecidedAt });
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseNpgsql("Host=localhost;Database=talent_feedback").Options);
}
