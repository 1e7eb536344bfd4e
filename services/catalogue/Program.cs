using Talent.Catalogue;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Catalogue.Data;
using Talent.Messaging.Outbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalogueServices();

var app = builder.Build();
app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapOutboxApi<CatalogueDbContext>("/api/catalogue", CataloguePolicies.Operator);
app.MapItemsApi();
app.MapReferenceApi();
app.MapEditingApi();
app.MapSynonymsApi();
app.MapAuditApi();
app.MapAnnouncementsApi();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
