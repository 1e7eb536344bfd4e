using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Bookings;
using Talent.Applications.Calendar;
using Talent.Applications.Enquiries;
using Talent.Applications.Materials;
using Talent.Data;
using Talent.Messaging;
using Talent.ReadModels;

namespace Talent.Applications.Data;

/// <summary>
/// The applications database: the cases and their files, enquiries, the working-day calendar, the catalogue copy, the people
/// directory and the messaging tables. Each entity's mapping is its <c>XConfiguration</c> beside it; names follow the snake-case convention.
/// </summary>
public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<CatalogueVersionCopy> CatalogueVersions => Set<CatalogueVersionCopy>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();

    public DbSet<CalendarYearRow> CalendarYears => Set<CalendarYearRow>();

    public DbSet<Enquiry> Enquiries => Set<Enquiry>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Booking> Bookings => Set<Booking>();

    /// <summary>The people directory: applicants and staff, as the identity service announces them.</summary>
    public DbSet<PersonCopy> People => Set<PersonCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
        model.AddCatalogueCopy().AddCatalogueVersionCopies();
        model.AddPeopleCopy();
    }
}
