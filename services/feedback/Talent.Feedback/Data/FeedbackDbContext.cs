using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Feedback.Calendar;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.Messaging.Persistence;

namespace Talent.Feedback.Data;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    public DbSet<EvaluationInvitation> Invitations => Set<EvaluationInvitation>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<CalendarYearCopy> CalendarYears => Set<CalendarYearCopy>();

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
        model.Entity<CalendarYearCopy>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).HasColumnName("year").ValueGeneratedNever();
            e.Property(c => c.Holidays).HasColumnName("holidays");
            e.Property(c => c.MakeUpWorkdays).HasColumnName("make_up_workdays");
            e.Property(c => c.Source).HasColumnName("source").HasMaxLength(500);
            e.Property(c => c.Provisional).HasColumnName("provisional");
            e.Property(c => c.ReceivedAt).HasColumnName("received_at");
        });
        model.Entity<Evaluation>(e =>
        {
            e.ToTable("evaluations");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).HasColumnName("id");
            e.Property(v => v.ApplicationId).HasColumnName("application_id");
            // One evaluation per service (一事一评), kept by the database even under concurrent submissions.
            e.HasIndex(v => v.ApplicationId).IsUnique();
            e.Property(v => v.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(v => v.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(v => v.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(v => v.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(v => v.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(30);
            e.Property(v => v.Scores).HasJsonColumn("scores", System.Text.Json.JsonSerializerOptions.Web);
            e.Property(v => v.Tags).HasColumnName("tags");
            e.Property(v => v.Comment).HasColumnName("comment").HasMaxLength(Evaluation.CommentMaxLength);
            e.Property(v => v.Channel).HasColumnName("channel").HasMaxLength(10);
            e.Property(v => v.SubmittedAt).HasColumnName("submitted_at");
            e.Property(v => v.Addition).HasColumnName("addition").HasMaxLength(Evaluation.CommentMaxLength);
            e.Property(v => v.AddedAt).HasColumnName("added_at");
            e.HasIndex(v => new { v.ApplicantId, v.SubmittedAt });
            e.HasIndex(v => new { v.LeadDepartment, v.SubmittedAt });
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseNpgsql("Host=localhost;Database=talent_feedback").Options);
}
