using Talent.Catalogue;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCatalogueServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapItemsApi();
app.MapReferenceApi();
app.MapDraftsApi();
app.MapSynonymsApi();
app.MapAuditApi();
app.MapAnnouncementsApi();

await app.MigrateDatabaseAsync<CatalogueDbContext>();

// Before the demonstration data: a new database announces nothing; one from an earlier release re-announces its items.
await using (var scope = app.Services.CreateAsyncScope())
{
    await Announcements.AnnounceOnceAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
}

await app.SeedCatalogueDemoDataAsync();

await app.RunAsync();

public partial class Program;
