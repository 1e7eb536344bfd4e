using Talent.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Feedback.Analysis;
using Talent.Feedback.Applications;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.Data;
using Talent.ReadModels;

namespace Talent.Feedback.Data;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : ServiceDbContext(options)
{
    public DbSet<EvaluationInvitation> Invitations => Set<EvaluationInvitation>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<CalendarYearCopy> CalendarYears => Set<CalendarYearCopy>();

    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<ApplicationCopy> Applications => Set<ApplicationCopy>();

    public DbSet<RectificationCase> Rectifications => Set<RectificationCase>();

    public DbSet<FeedbackTicket> Tickets => Set<FeedbackTicket>();

    public DbSet<FeedbackText> Texts => Set<FeedbackText>();

    public DbSet<FigureCounter> FigureCounters => Set<FigureCounter>();

    public DbSet<FigureDelta> FigureDeltas => Set<FigureDelta>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddCatalogueCopy();
        model.HasSequence<long>("feedback_ticket_number");
        model.Entity<ApplicationCopy>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(a => a.Reference).HasColumnName("reference").HasMaxLength(20);
            e.Property(a => a.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(a => a.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(a => a.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(a => a.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
            e.HasIndex(a => a.ApplicantId);
        });
        model.Entity<RectificationCase>(e =>
        {
            e.ToTable("rectification_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.EvaluationId).HasColumnName("evaluation_id");
            e.HasIndex(c => c.EvaluationId).IsUnique();
            e.Property(c => c.SubjectId).HasColumnName("subject_id");
            e.Property(c => c.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(c => c.ItemTitle).HasColumnName("item_title").HasMaxLength(400);
            e.Property(c => c.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(c => c.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(c => c.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Comment).HasColumnName("comment").HasMaxLength(Evaluation.CommentMaxLength);
            e.Property(c => c.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.RaisedAt).HasColumnName("raised_at");
            e.Property(c => c.StageDueOn).HasColumnName("stage_due_on");
            e.Property(c => c.Late).HasColumnName("late");
            e.Property(c => c.Findings).HasColumnName("findings").HasMaxLength(RectificationCase.TextMaxLength);
            e.Property(c => c.Changes).HasColumnName("changes").HasMaxLength(RectificationCase.TextMaxLength);
            e.Property(c => c.SatisfiedAfterVisit).HasColumnName("satisfied_after_visit");
            e.Property(c => c.ReturnVisitNote).HasColumnName("return_visit_note").HasMaxLength(RectificationCase.TextMaxLength);
            e.Property(c => c.Appeal).HasColumnName("appeal").HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.AppealReason).HasColumnName("appeal_reason").HasMaxLength(RectificationCase.TextMaxLength);
            e.Property(c => c.AppealedAt).HasColumnName("appealed_at");
            e.Property(c => c.AppealDecisionNote).HasColumnName("appeal_decision_note").HasMaxLength(RectificationCase.TextMaxLength);
            e.Property(c => c.AppealDecidedBy).HasColumnName("appeal_decided_by").HasMaxLength(100);
            e.Property(c => c.OverdueFlaggedFor).HasColumnName("overdue_flagged_for").HasMaxLength(40);
            e.Property(c => c.Outcome).HasColumnName("outcome").HasMaxLength(20);
            e.Property(c => c.ClosedAt).HasColumnName("closed_at");
            e.Property(c => c.History).HasJsonColumn("history", System.Text.Json.JsonSerializerOptions.Web);
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(c => new { c.Department, c.State, c.StageDueOn });
        });
        model.Entity<FeedbackTicket>(e =>
        {
            e.ToTable("feedback_tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasColumnName("id");
            e.Property(t => t.Number).HasColumnName("number").HasMaxLength(20);
            e.HasIndex(t => t.Number).IsUnique();
            e.Property(t => t.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Category).HasColumnName("category").HasMaxLength(40);
            e.Property(t => t.Title).HasColumnName("title").HasMaxLength(FeedbackTicket.TitleMaxLength);
            e.Property(t => t.Body).HasColumnName("body").HasMaxLength(FeedbackTicket.BodyMaxLength);
            e.Property(t => t.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(t => t.ApplicationId).HasColumnName("application_id");
            e.Property(t => t.RequesterId).HasColumnName("requester_id").HasMaxLength(100);
            e.Property(t => t.RequesterName).HasColumnName("requester_name").HasMaxLength(200);
            e.Property(t => t.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(t => t.RoutedBy).HasColumnName("routed_by").HasMaxLength(20);
            e.Property(t => t.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(t => t.OwnerName).HasColumnName("owner_name").HasMaxLength(200);
            e.Property(t => t.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.OpenedAt).HasColumnName("opened_at");
            e.Property(t => t.ReplyDueOn).HasColumnName("reply_due_on");
            e.Property(t => t.Reply).HasColumnName("reply").HasMaxLength(FeedbackTicket.BodyMaxLength);
            e.Property(t => t.RepliedAt).HasColumnName("replied_at");
            e.Property(t => t.ConfirmBy).HasColumnName("confirm_by");
            e.Property(t => t.Reopened).HasColumnName("reopened");
            e.Property(t => t.RepliedLate).HasColumnName("replied_late");
            e.Property(t => t.Resolution).HasColumnName("resolution").HasMaxLength(20);
            e.Property(t => t.Satisfied).HasColumnName("satisfied");
            e.Property(t => t.ClosedAt).HasColumnName("closed_at");
            e.Property(t => t.History).HasJsonColumn("history", System.Text.Json.JsonSerializerOptions.Web);
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(t => new { t.RequesterId, t.OpenedAt });
            e.HasIndex(t => new { t.Department, t.State, t.ReplyDueOn });
        });
        model.Entity<FeedbackText>(e =>
        {
            e.ToTable("feedback_texts");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasColumnName("id");
            e.Property(t => t.Source).HasColumnName("source").HasMaxLength(20);
            e.Property(t => t.SourceId).HasColumnName("source_id");
            e.Property(t => t.Month).HasColumnName("month");
            e.Property(t => t.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(t => t.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(t => t.Category).HasColumnName("category").HasMaxLength(40);
            e.Property(t => t.Stages).HasColumnName("stages");
            e.Property(t => t.Keywords).HasColumnName("keywords");
            e.HasIndex(t => t.Month);
        });
        model.Entity<FigureDelta>(e =>
        {
            e.ToTable("figure_deltas");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(d => d.Month).HasColumnName("month");
            e.Property(d => d.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(d => d.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(d => d.Reviews).HasColumnName("reviews");
            e.Property(d => d.Satisfied).HasColumnName("satisfied");
            e.Property(d => d.Negative).HasColumnName("negative");
            e.Property(d => d.Score).HasColumnName("score");
            e.Property(d => d.Closed).HasColumnName("closed");
            e.Property(d => d.OnTime).HasColumnName("on_time");
        });
        model.Entity<FigureCounter>(e =>
        {
            e.ToTable("figure_counters");
            e.HasKey(c => new { c.Month, c.Scope, c.Key });
            e.Property(c => c.Month).HasColumnName("month");
            e.Property(c => c.Scope).HasColumnName("scope").HasMaxLength(20);
            e.Property(c => c.Key).HasColumnName("key").HasMaxLength(100);
            e.Property(c => c.Reviews).HasColumnName("reviews");
            e.Property(c => c.Satisfied).HasColumnName("satisfied");
            e.Property(c => c.Negative).HasColumnName("negative");
            e.Property(c => c.ScoreSum).HasColumnName("score_sum");
            e.Property(c => c.RectificationsClosed).HasColumnName("rectifications_closed");
            e.Property(c => c.RectificationsOnTime).HasColumnName("rectifications_on_time");
        });
        model.Entity<EvaluationInvitation>(e =>
        {
            e.ToTable("evaluation_invitations");
            e.HasKey(i => i.SubjectId);
            e.Property(i => i.SubjectId).HasColumnName("subject_id").ValueGeneratedNever();
            e.Property(i => i.SubjectKind).HasColumnName("subject_kind").HasMaxLength(20);
            e.Property(i => i.Title).HasColumnName("title").HasMaxLength(400);
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
        model.AddCalendarCopy();
        model.Entity<Evaluation>(e =>
        {
            e.ToTable("evaluations");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).HasColumnName("id");
            e.Property(v => v.SubjectId).HasColumnName("subject_id");
            // One evaluation per service (一事一评), kept by the database even under concurrent submissions.
            e.HasIndex(v => v.SubjectId).IsUnique();
            e.Property(v => v.SubjectKind).HasColumnName("subject_kind").HasMaxLength(20);
            e.Property(v => v.Title).HasColumnName("title").HasMaxLength(400);
            e.Property(v => v.Removed).HasColumnName("removed");
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
        new(DatabaseSetup.DesignTimeOptions<FeedbackDbContext>("talent_feedback"));
}
