using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;

namespace Talent.Applications.Applying;

/// <summary>
/// Table <c>applications</c>; column names by the snake-case convention, except <see cref="Application.AwaitingDepartmentCode"/>
/// (column <c>awaiting_department</c>). The form, materials, steps and history are jsonb columns.
/// </summary>
public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Application> e)
    {
        e.HasKey(a => a.Id);
        e.Property(a => a.Reference).HasMaxLength(20);
        e.HasIndex(a => a.Reference).IsUnique();
        e.Property(a => a.ApplicantId).HasMaxLength(CaseLimits.Subject);
        e.Property(a => a.ApplicantName).HasMaxLength(CaseLimits.Name);
        e.Property(a => a.ItemCode).HasMaxLength(64);
        e.Property(a => a.ItemTitleZh).HasMaxLength(400);
        e.Property(a => a.LeadDepartment).HasMaxLength(CaseLimits.Department);
        e.Property(a => a.Channel).HasMaxLength(10);
        e.Property(a => a.FiledBy).HasMaxLength(CaseLimits.Subject);
        e.Property(a => a.State).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Answers).HasJsonColumn("answers", JsonOptions);
        e.Property(a => a.Materials).HasJsonColumn("materials", JsonOptions);
        e.Property(a => a.Steps).HasJsonColumn("steps", JsonOptions);
        e.Property(a => a.History).HasJsonColumn("history", JsonOptions);
        e.Property(a => a.OwnerId).HasMaxLength(CaseLimits.Subject);
        e.Property(a => a.OwnerName).HasMaxLength(CaseLimits.Name);
        e.Property(a => a.OwnerContact).HasMaxLength(100);
        e.Property(a => a.ServiceContact).HasMaxLength(100);
        e.Property(a => a.AwaitingDepartmentCode).HasColumnName("awaiting_department").HasMaxLength(CaseLimits.Department);
        e.Ignore(a => a.AwaitingDepartment);
        e.Ignore(a => a.RunningDeadline);
        e.Property(a => a.Decision).HasMaxLength(CaseLimits.Decision);
        e.Property(a => a.DecisionReasons).HasMaxLength(CaseLimits.DecisionReasons);
        e.Property(a => a.SubmitKey).HasMaxLength(CaseLimits.IdempotencyKey);
        e.Property(a => a.DueSoonRaisedFor).HasMaxLength(40);
        e.Property(a => a.OverdueRaisedFor).HasMaxLength(40);
        e.Property(a => a.Revision).IsConcurrencyToken();
        e.HasIndex(a => new { a.ApplicantId, a.CreatedAt });
        // The staff inbox: open cases of a department by deadline.
        e.HasIndex(a => new { a.AwaitingDepartmentCode, a.DueOn });
        // The deadline sweep: running deadlines by date.
        e.HasIndex(a => new { a.State, a.DueOn });
    }
}
