using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Talent.Messaging;
using Talent.Identity.Users;

namespace Talent.Identity.Data;

/// <summary>
/// The identity database: ASP.NET Core Identity's and OpenIddict's standard tables under their own names (so not a
/// <c>ServiceDbContext</c> with the snake-case convention), plus the audit trail, the key material and the
/// messaging tables (the outbox of <c>PersonChanged</c>), and the data-protection keys every replica shares (the sign-in
/// cookie and the sign-in form's antiforgery token made by one replica are read by another).
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<TalentUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<KeyMaterial> Keys => Set<KeyMaterial>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
        // The outbox of PersonChanged (column names pinned by the messaging library, whatever this context's naming).
        model.AddMessagingTables();
        model.Entity<TalentUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.ApplicantKind).HasMaxLength(20);
            e.Property(u => u.CreditCode).HasMaxLength(18);
            e.Property(u => u.DepartmentCode).HasMaxLength(20);
            e.Property(u => u.Language).HasMaxLength(10).HasDefaultValue(UserContacts.Chinese);
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
