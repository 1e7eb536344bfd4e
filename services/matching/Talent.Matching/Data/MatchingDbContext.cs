using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.ReadModels;
using Talent.Messaging.Persistence;

namespace Talent.Matching.Data;

public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : DbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddCatalogueCopy();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class MatchingDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MatchingDbContext>().UseNpgsql("Host=localhost;Database=talent_matching").Options);
}
