using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Talent.Identity.Data;

/// <summary>A person who signs in: an applicant (talent or enterprise), staff of a department, a service-team member or an operator.</summary>
public sealed class TalentUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For applicants: <c>talent</c> or <c>enterprise</c>.</summary>
    public string? ApplicantKind { get; set; }

    /// <summary>For enterprises: the unified social credit code (统一社会信用代码).</summary>
    public string? CreditCode { get; set; }

    /// <summary>For staff and commissioners: the department code (e.g. STI, HRSS).</summary>
    public string? DepartmentCode { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who changed what, when: every change made through the admin API.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string? Details { get; set; }
}

/// <summary>Key material for signing tokens and encrypting the server's own tokens, kept so restarts keep tokens valid.</summary>
public sealed class KeyMaterial
{
    public string Id { get; set; } = "";

    /// <summary><c>sig</c> (RSA, PEM) or <c>enc</c> (AES-256, base64).</summary>
    public string Use { get; set; } = "";

    public string Material { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Retired keys are no longer published nor used.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<TalentUser>(options)
{
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<KeyMaterial> Keys => Set<KeyMaterial>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
        model.Entity<TalentUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.ApplicantKind).HasMaxLength(20);
            e.Property(u => u.CreditCode).HasMaxLength(18);
            e.Property(u => u.DepartmentCode).HasMaxLength(20);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.Target).HasMaxLength(200);
            e.HasIndex(a => a.At);
        });
        model.Entity<KeyMaterial>(e =>
        {
            e.ToTable("key_material");
            e.Property(k => k.Id).HasMaxLength(64);
            e.Property(k => k.Use).HasMaxLength(8);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseNpgsql("Host=localhost;Database=talent_identity").UseOpenIddict().Options);
}
