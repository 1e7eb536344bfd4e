using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;

namespace Talent.Applications.Data;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class ApplicationsDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<ApplicationsDbContext>("talent_applications"));
}
