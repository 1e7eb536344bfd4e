using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;

namespace Talent.Matching.Data;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class MatchingDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<MatchingDbContext>("talent_matching"));
}
