using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;

namespace Talent.Catalogue.Data;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class CatalogueDesignTimeFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<CatalogueDbContext>("talent_catalogue"));
}
