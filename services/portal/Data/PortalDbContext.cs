using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Talent.Data;
using Talent.Portal.Sessions;

namespace Talent.Portal.Data;

/// <summary>
/// The portal's own small database: signed-in sessions (with the person's tokens, which never reach the browser) and
/// the data-protection keys that protect cookies and antiforgery tokens, shared by every replica.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : ServiceDbContext(options), IDataProtectionKeyContext
{
    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

public sealed class PortalDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => new(DatabaseSetup.DesignTimeOptions<PortalDbContext>("talent_portal"));
}
