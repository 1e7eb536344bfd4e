using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Messaging.Persistence;

namespace Talent.Feedback.Data;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddMessagingTables();
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseNpgsql("Host=localhost;Database=talent_feedback").Options);
}
