using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;
using Talent.Feedback.Analysis;
using Talent.Feedback.Applications;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.Messaging;
using Talent.ReadModels;

namespace Talent.Feedback.Data;

/// <summary>
/// The feedback database. Tables are named after the sets in snake case unless an entity's configuration (beside the
/// entity, <c>XConfiguration.cs</c>) names its own; the messaging tables and the read-model copies come from the shared libraries.
/// </summary>
public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : ServiceDbContext(options)
{
    public DbSet<EvaluationInvitation> Invitations => Set<EvaluationInvitation>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<CalendarYearCopy> CalendarYears => Set<CalendarYearCopy>();

    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<ApplicationCopy> Applications => Set<ApplicationCopy>();

    public DbSet<RectificationCase> Rectifications => Set<RectificationCase>();

    public DbSet<FeedbackTicket> Tickets => Set<FeedbackTicket>();

    public DbSet<FeedbackText> Texts => Set<FeedbackText>();

    public DbSet<FigureCounter> FigureCounters => Set<FigureCounter>();

    public DbSet<PublishedMonth> PublishedMonths => Set<PublishedMonth>();

    public DbSet<FigureDelta> FigureDeltas => Set<FigureDelta>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
        model.AddCatalogueCopy();
        model.AddCalendarCopy();
        model.HasSequence<long>(TicketOpening.NumberSequence);
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<FeedbackDbContext>("talent_feedback"));
}
