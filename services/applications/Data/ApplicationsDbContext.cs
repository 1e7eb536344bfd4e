using Talent.Messaging;
using System.Text.Json;
using Talent.Contracts.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.ReadModels;
using Talent.Data;

namespace Talent.Applications.Data;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<CatalogueVersionCopy> CatalogueVersions => Set<CatalogueVersionCopy>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();


    public DbSet<CalendarYearRow> CalendarYears => Set<CalendarYearRow>();

    public DbSet<Enquiry> Enquiries => Set<Enquiry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddCatalogueCopy().AddCatalogueVersionCopies();
        model.Entity<Application>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.Reference).HasColumnName("reference").HasMaxLength(20);
            e.HasIndex(a => a.Reference).IsUnique();
            e.Property(a => a.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(a => a.ApplicantName).HasColumnName("applicant_name").HasMaxLength(200);
            e.Property(a => a.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(a => a.ItemVersion).HasColumnName("item_version");
            e.Property(a => a.ItemTitleZh).HasColumnName("item_title_zh").HasMaxLength(400);
            e.Property(a => a.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(a => a.Departments).HasColumnName("departments");
            e.Property(a => a.Channel).HasColumnName("channel").HasMaxLength(10);
            e.Property(a => a.FiledBy).HasColumnName("filed_by").HasMaxLength(100);
            e.Property(a => a.State).HasColumnName("state").HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Answers).HasJsonColumn("answers", JsonOptions);
            e.Property(a => a.Materials).HasJsonColumn("materials", JsonOptions);
            e.Property(a => a.Steps).HasJsonColumn("steps", JsonOptions);
            e.Property(a => a.History).HasJsonColumn("history", JsonOptions);
            e.Property(a => a.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(a => a.OwnerName).HasColumnName("owner_name").HasMaxLength(200);
            e.Property(a => a.OwnerContact).HasColumnName("owner_contact").HasMaxLength(100);
            e.Property(a => a.ServiceContact).HasColumnName("service_contact").HasMaxLength(100);
            e.Property(a => a.CreatedAt).HasColumnName("created_at");
            e.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
            e.Property(a => a.AcceptanceDeadline).HasColumnName("acceptance_deadline");
            e.Property(a => a.AcceptedAt).HasColumnName("accepted_at");
            e.Property(a => a.CommittedLimitDays).HasColumnName("committed_limit_days");
            e.Property(a => a.DecisionDeadline).HasColumnName("decision_deadline");
            e.Property(a => a.PausedDays).HasColumnName("paused_days");
            e.Property(a => a.PausedSince).HasColumnName("paused_since");
            e.Property(a => a.DueOn).HasColumnName("due_on");
            e.Property(a => a.AwaitingDepartmentCode).HasColumnName("awaiting_department").HasMaxLength(20);
            e.Ignore(a => a.AwaitingDepartment);
            e.Ignore(a => a.RunningDeadline);
            e.Property(a => a.DecidedAt).HasColumnName("decided_at");
            e.Property(a => a.Decision).HasColumnName("decision").HasMaxLength(2000);
            e.Property(a => a.DecisionReasons).HasColumnName("decision_reasons").HasMaxLength(4000);
            e.Property(a => a.InPersonVisits).HasColumnName("in_person_visits");
            e.Property(a => a.SubmitKey).HasColumnName("submit_key").HasMaxLength(100);
            e.Property(a => a.DueSoonRaisedFor).HasColumnName("due_soon_raised_for").HasMaxLength(40);
            e.Property(a => a.OverdueRaisedFor).HasColumnName("overdue_raised_for").HasMaxLength(40);
            e.Property(a => a.Revision).HasColumnName("revision").IsConcurrencyToken();
            e.HasIndex(a => new { a.ApplicantId, a.CreatedAt });
            // The staff inbox: open cases of a department by deadline.
            e.HasIndex(a => new { a.AwaitingDepartmentCode, a.DueOn });
            e.HasIndex(a => new { a.State, a.DueOn });
        });
        model.Entity<MaterialFile>(e =>
        {
            e.ToTable("material_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasColumnName("id");
            e.Property(f => f.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(f => f.ApplicationId).HasColumnName("application_id");
            e.Property(f => f.MaterialCode).HasColumnName("material_code").HasMaxLength(64);
            e.Property(f => f.MaterialName).HasColumnName("material_name").HasMaxLength(200);
            e.Property(f => f.FileName).HasColumnName("file_name").HasMaxLength(255);
            e.Property(f => f.ContentType).HasColumnName("content_type").HasMaxLength(100);
            e.Property(f => f.Size).HasColumnName("size");
            e.Property(f => f.Sha256).HasColumnName("sha256").HasMaxLength(64);
            e.Property(f => f.Content).HasColumnName("content");
            e.Property(f => f.UploadedAt).HasColumnName("uploaded_at");
            e.Property(f => f.AcceptedAt).HasColumnName("accepted_at");
            e.Property(f => f.ValidUntil).HasColumnName("valid_until");
            e.HasIndex(f => new { f.ApplicantId, f.AcceptedAt });
            e.HasIndex(f => f.ApplicationId);
        });
        model.Entity<Enquiry>(e =>
        {
            e.ToTable("enquiries");
            e.HasKey(q => q.Id);
            e.Property(q => q.Id).HasColumnName("id");
            e.Property(q => q.ApplicantId).HasColumnName("applicant_id").HasMaxLength(100);
            e.Property(q => q.ApplicantName).HasColumnName("applicant_name").HasMaxLength(200);
            e.Property(q => q.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(q => q.ApplicationId).HasColumnName("application_id");
            e.Property(q => q.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(q => q.Question).HasColumnName("question").HasMaxLength(Enquiry.MaxLength);
            e.Property(q => q.Answer).HasColumnName("answer").HasMaxLength(Enquiry.MaxLength);
            e.Property(q => q.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
            e.Property(q => q.OwnerName).HasColumnName("owner_name").HasMaxLength(200);
            e.Property(q => q.AskedAt).HasColumnName("asked_at");
            e.Property(q => q.AnsweredAt).HasColumnName("answered_at");
            e.HasIndex(q => new { q.Department, q.AskedAt });
            e.HasIndex(q => new { q.ApplicantId, q.AskedAt });
        });
        model.Entity<CalendarYearRow>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).HasColumnName("year").ValueGeneratedNever();
            e.Property(c => c.Holidays).HasColumnName("holidays");
            e.Property(c => c.MakeUpWorkdays).HasColumnName("make_up_workdays");
            e.Property(c => c.Source).HasColumnName("source").HasMaxLength(500);
            e.Property(c => c.Provisional).HasColumnName("provisional");
            e.Property(c => c.Revision).HasColumnName("revision").IsConcurrencyToken();
            e.Property(c => c.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
            e.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class ApplicationsDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<ApplicationsDbContext>("talent_applications"));
}
