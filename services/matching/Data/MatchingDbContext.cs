using Talent.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Providers;
using Talent.ReadModels;
using Talent.Data;

namespace Talent.Matching.Data;

public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<Suggestions.SuggestionRule> SuggestionRules => Set<Suggestions.SuggestionRule>();

    public DbSet<Suggestions.Suggestion> Suggestions => Set<Suggestions.Suggestion>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddCatalogueCopy();
        model.AddCalendarCopy();
        model.Entity<Suggestions.SuggestionRule>(e =>
        {
            e.ToTable("suggestion_rules");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasColumnName("code").HasMaxLength(40);
            e.Property(r => r.Trigger).HasColumnName("trigger").HasMaxLength(20);
            e.Property(r => r.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(r => r.Team).HasColumnName("team").HasMaxLength(20);
            e.Property(r => r.ServiceTypes).HasColumnName("service_types");
            e.Property(r => r.SuggestItemCode).HasColumnName("suggest_item_code").HasMaxLength(64);
            e.Property(r => r.MessageZh).HasColumnName("message_zh").HasMaxLength(200);
            e.Property(r => r.MessageEn).HasColumnName("message_en").HasMaxLength(300);
            e.Property(r => r.Enabled).HasColumnName("enabled");
        });
        model.Entity<Suggestions.Suggestion>(e =>
        {
            e.ToTable("suggestions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.PersonId).HasColumnName("person_id").HasMaxLength(100);
            e.Property(s => s.RuleCode).HasColumnName("rule_code").HasMaxLength(40);
            e.Property(s => s.SourceApplicationId).HasColumnName("source_application_id");
            e.HasIndex(s => new { s.PersonId, s.RuleCode, s.SourceApplicationId }).IsUnique();
            e.Property(s => s.ProviderIds).HasColumnName("provider_ids");
            e.Property(s => s.ItemCode).HasColumnName("item_code").HasMaxLength(64);
            e.Property(s => s.MessageZh).HasColumnName("message_zh").HasMaxLength(200);
            e.Property(s => s.MessageEn).HasColumnName("message_en").HasMaxLength(300);
            e.Property(s => s.CreatedAt).HasColumnName("created_at");
            e.Property(s => s.DismissedAt).HasColumnName("dismissed_at");
        });
        model.Entity<Provider>(e =>
        {
            e.ToTable("providers");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.UserId).HasColumnName("user_id").HasMaxLength(100);
            e.HasIndex(p => p.UserId).IsUnique();
            e.Property(p => p.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(p => p.Team).HasColumnName("team").HasMaxLength(20);
            e.Property(p => p.Organisation).HasColumnName("organisation").HasMaxLength(200);
            e.Property(p => p.OrganisationKind).HasColumnName("organisation_kind").HasMaxLength(30);
            e.Property(p => p.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(p => p.PolicyAreas).HasColumnName("policy_areas");
            e.Property(p => p.Domains).HasColumnName("domains");
            e.Property(p => p.ServiceTypes).HasColumnName("service_types");
            e.Property(p => p.Stages).HasColumnName("stages");
            e.Property(p => p.Languages).HasColumnName("languages");
            e.Property(p => p.Capacity).HasColumnName("capacity");
            e.Property(p => p.Load).HasColumnName("load");
            e.Property(p => p.Available).HasColumnName("available");
            e.Property(p => p.Seniority).HasColumnName("seniority");
            e.Property(p => p.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.RatingSum).HasColumnName("rating_sum");
            e.Property(p => p.RatingCount).HasColumnName("rating_count");
            e.Property(p => p.Introduction).HasColumnName("introduction").HasMaxLength(1000);
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(p => new { p.Team, p.Status });
        });
        model.Entity<Demand>(e =>
        {
            e.ToTable("demands");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.ClientId).HasColumnName("client_id").HasMaxLength(100);
            e.Property(d => d.ClientName).HasColumnName("client_name").HasMaxLength(200);
            e.Property(d => d.ClientKind).HasColumnName("client_kind").HasMaxLength(20);
            e.Property(d => d.Domains).HasColumnName("domains");
            e.Property(d => d.Stage).HasColumnName("stage").HasMaxLength(30);
            e.Property(d => d.ServiceTypes).HasColumnName("service_types");
            e.Property(d => d.Description).HasColumnName("description").HasMaxLength(Demand.DescriptionMaxLength);
            e.Property(d => d.Language).HasColumnName("language").HasMaxLength(5);
            e.Property(d => d.Urgency).HasColumnName("urgency").HasMaxLength(10);
            e.Property(d => d.TalentDesignation).HasColumnName("talent_designation").HasMaxLength(40);
            e.Property(d => d.FundingRaisedWan).HasColumnName("funding_raised_wan");
            e.Property(d => d.RevenueWan).HasColumnName("revenue_wan");
            e.Property(d => d.Patents).HasColumnName("patents");
            e.Property(d => d.Headcount).HasColumnName("headcount");
            e.Property(d => d.Tier).HasColumnName("tier").HasMaxLength(5);
            e.Property(d => d.TierReason).HasColumnName("tier_reason").HasMaxLength(300);
            e.Property(d => d.ProvidersWanted).HasColumnName("providers_wanted");
            e.Property(d => d.MinSeniority).HasColumnName("min_seniority");
            e.Property(d => d.FirstContactDays).HasColumnName("first_contact_days");
            e.Property(d => d.Refused).HasColumnName("refused");
            e.Property(d => d.Declined).HasColumnName("declined");
            e.Property(d => d.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
            e.HasIndex(d => new { d.ClientId, d.CreatedAt });
            e.HasIndex(d => d.State);
        });
        model.Entity<Proposal>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.DemandId).HasColumnName("demand_id");
            e.Property(p => p.ProviderId).HasColumnName("provider_id");
            e.Property(p => p.Score).HasColumnName("score");
            e.Property(p => p.BatchId).HasColumnName("batch_id");
            e.Property(p => p.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.DeclineReason).HasColumnName("decline_reason").HasMaxLength(500);
            e.Property(p => p.ProposedAt).HasColumnName("proposed_at");
            e.Property(p => p.DecidedAt).HasColumnName("decided_at");
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(p => new { p.ProviderId, p.State });
            e.HasIndex(p => p.DemandId);
        });
        model.Entity<Engagement>(e =>
        {
            e.ToTable("engagements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DemandId).HasColumnName("demand_id");
            e.Property(x => x.ProposalId).HasColumnName("proposal_id");
            e.HasIndex(x => x.ProposalId).IsUnique();
            e.Property(x => x.ProviderId).HasColumnName("provider_id");
            e.Property(x => x.ProviderName).HasColumnName("provider_name").HasMaxLength(100);
            e.Property(x => x.Team).HasColumnName("team").HasMaxLength(20);
            e.Property(x => x.ClientId).HasColumnName("client_id").HasMaxLength(100);
            e.Property(x => x.Tier).HasColumnName("tier").HasMaxLength(5);
            e.Property(x => x.FirstContactDueOn).HasColumnName("first_contact_due_on");
            e.Property(x => x.Milestones).HasJsonColumn("milestones", System.Text.Json.JsonSerializerOptions.Web);
            e.Property(x => x.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(30);
            e.Property(x => x.FirstContactOverdueFlagged).HasColumnName("first_contact_overdue_flagged");
            e.Property(x => x.StartedAt).HasColumnName("started_at");
            e.Property<uint>("Version").IsRowVersion();
            e.HasIndex(x => x.ClientId);
            e.HasIndex(x => x.ProviderId);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class MatchingDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<MatchingDbContext>("talent_matching"));
}
