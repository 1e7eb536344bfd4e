using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Talent.Data;

/// <summary>
/// The base of a domain service's database context: tables and columns named in snake case by convention
/// (<see cref="DatabaseSetup.UseServiceDatabase"/>), keys and indexes keeping EF's own <c>PK_</c>/<c>IX_</c>/<c>FK_</c>
/// names (which the existing databases and the inbox's duplicate detection use), and one
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside each entity, applied from the service's assembly.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new DefaultConstraintNames());

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
}

/// <summary>
/// Runs after the snake-case convention has named everything: a key, index or foreign key whose name nobody chose gets
/// EF's default name again (<c>PK_applications</c>, not <c>pk_applications</c>), computed from the snake-case table and
/// column names. A name set in a configuration is left alone.
/// </summary>
internal sealed class DefaultConstraintNames : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var key in entity.GetDeclaredKeys())
            {
                if (key.GetNameConfigurationSource() is null or ConfigurationSource.Convention && key.GetDefaultName() is { } name)
                {
                    key.Builder.HasName(name);
                }
            }

            foreach (var index in entity.GetDeclaredIndexes())
            {
                if (index.GetDatabaseNameConfigurationSource() is null or ConfigurationSource.Convention && index.GetDefaultDatabaseName() is { } name)
                {
                    index.Builder.HasDatabaseName(name);
                }
            }

            foreach (var foreignKey in entity.GetDeclaredForeignKeys())
            {
                if (foreignKey.GetConstraintNameConfigurationSource() is null or ConfigurationSource.Convention && foreignKey.GetDefaultName() is { } name)
                {
                    foreignKey.Builder.HasConstraintName(name);
                }
            }
        }
    }
}
