using Talent.Catalogue;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Messaging.Persistence;

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

await app.MigrateDatabaseAsync<CatalogueDbContext>();
await app.SeedCatalogueDemoDataAsync();
await app.RunAsync();

public partial class Program;
