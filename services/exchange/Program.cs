using Talent.Exchange;
using Talent.Exchange.Access;
using Talent.Exchange.CallLog;
using Talent.Exchange.Certifications;
using Talent.Exchange.Data;
using Talent.Exchange.Feed;
using Talent.Exchange.Webhooks;
using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Outbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddExchangeServices();

var app = builder.Build();
// Between authentication and authorization: the caller is known, and a refused call (403) is logged too.
app.UseAuthentication();
app.UseMiddleware<CallLogMiddleware>();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOutboxApi<ExchangeDbContext>("/exchange/v1/admin", ExchangePolicies.Operator);
app.MapErrorQueuesApi("/exchange/v1/admin", ExchangePolicies.Operator);
app.MapFeedApi();
app.MapGrantsApi();
app.MapCallLogApi();
app.MapWebhooksApi();
app.MapCertificationsApi();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
