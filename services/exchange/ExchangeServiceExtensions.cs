using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Data;
using Talent.Exchange.Access;
using Talent.Exchange.Data;
using Talent.Exchange.Feed;
using Talent.Exchange.Sharing;
using Talent.Exchange.Webhooks;
using Talent.Messaging;
using Talent.Messaging.Inbox;

namespace Talent.Exchange;

public static class ExchangeServiceExtensions
{
    public const string ServiceName = "exchange";

    /// <summary>The demonstration municipal system (identity's <c>municipal-demo</c> client).</summary>
    public const string DemoClient = "municipal-demo";

    public static IHostApplicationBuilder AddExchangeServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<ExchangeDbContext>(ServiceName);
        builder.AddMessaging<ExchangeDbContext>(ServiceName, bus =>
        {
            bus.AddBatchConsumer<ItemPublishedToFeed>();
            bus.AddBatchConsumer<ItemWithdrawnToFeed>();
            bus.AddBatchConsumer<ApplicationStateToFeed>();
            bus.AddBatchConsumer<FiguresToFeed>();
            bus.AddBatchConsumer<SharedMaterialAsker>();
        });
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange");
        services.AddOptions<WebhookOptions>().BindConfiguration("Exchange:Webhooks");
        services.AddOptions<SharingOptions>().BindConfiguration("Exchange:Sharing")
            .Validate(o => o.MaxConcurrentAsks is >= 1 and <= 256, "Exchange:Sharing:MaxConcurrentAsks must be 1 to 256.")
            .ValidateOnStart();
        // The source systems' client: no redirects followed (and the standard resilience of every client).
        services.AddHttpClient(SharedMaterialAsker.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddCommitSignal<WebhookDelivery>();
        // Dapr's own variable names the sidecar where it injects one (DAPR_GRPC_ENDPOINT); our setting wins.
        services.PostConfigure<WebhookOptions>(o => o.DaprGrpcEndpoint ??= builder.Configuration["DAPR_GRPC_ENDPOINT"]);
        services.AddSingleton<DaprSender>();
        services.AddSingleton<WebhookWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookWorker>());
        services.AddSingleton<FeedPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedPruner>());
        services.AddAuthorizationBuilder()
            // A municipal system's token carries the scope and no role (client credentials); a person's never qualifies.
            .AddPolicy(ExchangePolicies.Client, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.HasScope(ServiceName) && !c.User.HasClaim(claim => claim.Type == "role")))
            .AddPolicy(ExchangePolicies.Operator, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"));
        return builder;
    }

    /// <summary>Start-up steps: the schema; with demonstration data, <c>municipal-demo</c>'s grant of every exchange service (each once).</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<ExchangeDbContext>();
        if (!app.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value.DemoData)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await using var startup = await StartupLock.TakeAsync(db, "exchange-demo", CancellationToken.None);
        // Every exchange service, including one added since the grant was first made (each addition in the audit trail).
        var held = await db.Grants.Where(g => g.ClientId == DemoClient).Select(g => g.Service).ToListAsync();
        var missing = ExchangeServices.All.Except(held).ToList();
        if (missing.Count > 0)
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Grants.AddRange(missing.Select(service => ClientGrant.Of(DemoClient, service, "system", now)));
            db.GrantChanges.Add(GrantChange.Of(DemoClient, missing, [], "system", "Demonstration data 演示数据", now));
            await db.SaveChangesAsync();
        }
    }
}
