using Microsoft.EntityFrameworkCore;
using Talent.Data;
using Talent.Matching.Audit;
using Talent.Matching.Certifications;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Providers;
using Talent.Matching.Record;
using Talent.Matching.Suggestions;
using Talent.Matching.Visits;
using Talent.Messaging;
using Talent.ReadModels;

namespace Talent.Matching.Data;

/// <summary>
/// Matching's own database: providers, demands, proposals, engagements, suggestions and the audit trail (each mapped by the
/// <c>XConfiguration</c> beside it), the messaging tables and the copies of the catalogue and the working-day calendar.
/// </summary>
public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<SuggestionRule> SuggestionRules => Set<SuggestionRule>();

    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<CertificationCopy> Certifications => Set<CertificationCopy>();

    public DbSet<SurveyVisit> Visits => Set<SurveyVisit>();

    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();

    public DbSet<RecordSharing> RecordSharing => Set<RecordSharing>();

    /// <summary>The copy of the identity service's people: whom a commissioner or butler may record a visit to.</summary>
    public DbSet<PersonCopy> People => Set<PersonCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
        model.AddCatalogueCopy();
        model.AddCalendarCopy();
        model.AddPeopleCopy();
    }
}
