using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Data;
using Talent.Exchange.Access;
using Talent.Exchange.Data;
using Talent.Exchange.Feed;
using Talent.Http;

namespace Talent.Exchange.Webhooks;

/// <summary>
/// A client's webhook subscriptions (exchange service <c>webhooks</c>): make one (the secret is shown once), list and
/// remove its own, see its deliveries by status and replay a dead (or sent) one. Another client's is 404.
/// </summary>
public static partial class WebhooksApi
{
    public sealed record SubscriptionRequest(string? Url, List<string?>? Types);

    public sealed record SubscriptionView(Guid Id, string Url, IReadOnlyList<string> Types, DateTimeOffset CreatedAt, string? Secret);

    public sealed record DeliveryView(Guid Id, Guid EventId, string Type, string Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatus, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    private static readonly string[] Statuses = [WebhookDelivery.Pending, WebhookDelivery.Sent, WebhookDelivery.Dead];

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/exchange/v1/webhooks").WithTags("Webhooks");
        api.MapPost("", CreateAsync).WithName("CreateWebhook").IsExchangeService(ExchangeServices.Webhooks)
            .WithSummary("Subscribes a URL to the feed's events (all types, or those given); the signing secret is in this answer only.")
            .ProducesValidationProblem();
        api.MapGet("", ListAsync).WithName("Webhooks").IsExchangeService(ExchangeServices.Webhooks)
            .WithSummary("The client's live subscriptions (without their secrets).");
        api.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveWebhook").IsExchangeService(ExchangeServices.Webhooks)
            .WithSummary("Removes a subscription; its pending deliveries are set aside.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("WebhookDeliveries").IsExchangeService(ExchangeServices.Webhooks)
            .WithSummary("A subscription's deliveries in one status (dead by default), oldest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", ReplayAsync).WithName("ReplayWebhookDelivery").IsExchangeService(ExchangeServices.Webhooks)
            .WithSummary("Sends a dead or sent delivery again (attempts counted afresh); 409 when it is still pending.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<SubscriptionView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SubscriptionRequest request, ExchangeDbContext db, DaprSender dapr, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Url is { } binding && DaprSender.Names(binding))
        {
            if (!dapr.Available || !DaprSender.IsValid(binding))
            {
                errors["url"] = [dapr.Available
                    ? "dapr:{binding} or dapr:pubsub/{component}/{topic}: a binding's or component's name in lower-case letters, digits and hyphens (at most 60), a topic in letters, digits, '.', '_' and '-' (at most 100). Dapr 绑定或主题名称有误。"
                    : "This exchange has no Dapr sidecar: give an http(s) URL. 未配置 Dapr，请填写 http(s) 地址。"];
            }
        }
        else if (request.Url is null || request.Url.Length > WebhookSubscription.UrlLength
            || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            errors["url"] = ["An absolute http(s) URL without credentials or fragment, at most 500 characters (or dapr:{binding} or dapr:pubsub/{component}/{topic} where a Dapr sidecar is configured). 请填写完整的 http(s) 地址（不超过 500 个字符）。"];
        }

        var types = request.Types ?? [];
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is not { } type || !FeedTypes.All.Contains(type))
            {
                errors[$"types[{i}]"] = [$"One of: {string.Join(", ", FeedTypes.All)}. 事件类型须为已知类型。"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var client = Client(http);
        if (await db.WebhookSubscriptions.CountAsync(s => s.ClientId == client && s.RemovedAt == null, cancellationToken) >= WebhookSubscription.MaxPerClient)
        {
            return Problems.Of(StatusCodes.Status409Conflict, $"At most {WebhookSubscription.MaxPerClient} subscriptions per client; remove one first. 每个客户端最多 {WebhookSubscription.MaxPerClient} 个订阅。", "url");
        }

        var subscription = WebhookSubscription.Create(client, request.Url!, types.Select(t => t!), time.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/exchange/v1/webhooks/{subscription.Id}", View(subscription, withSecret: true));
    }

    private static async Task<Ok<List<SubscriptionView>>> ListAsync(ExchangeDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var client = Client(http);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ClientId == client && s.RemovedAt == null).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(s => View(s, withSecret: false)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> RemoveAsync(Guid id, ExchangeDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var client = Client(http);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && s.ClientId == client && s.RemovedAt == null, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }

        // One row: the worker sets its pending deliveries aside in bulk on its next pass (WebhookWorker.SetAsideRemovedAsync).
        subscription.Remove(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Paged<DeliveryView>>, ValidationProblem, NotFound>> DeliveriesAsync(
        Guid id, string? status, [AsParameters] PageQuery paging, ExchangeDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        status ??= WebhookDelivery.Dead;
        if (!Statuses.Contains(status))
        {
            errors["status"] = ["One of: pending, sent, dead. 状态须为 pending、sent 或 dead。"];
        }

        if (!paging.TryResolve(out var page, out var invalid))
        {
            foreach (var (field, messages) in invalid.ProblemDetails.Errors)
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var client = Client(http);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.ClientId == client, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id && d.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Skip(page.Skip).Take(page.Size)
            .Select(d => new DeliveryView(d.Id, d.EventId, d.Type, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatus, d.LastError, d.CreatedAt, d.SentAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of<DeliveryView>(items, total));
    }

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> ReplayAsync(
        Guid id, Guid deliveryId, ExchangeDbContext db, CommitSignal<WebhookDelivery> signal, WebhookWorker worker, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var client = Client(http);
        var delivery = await (from d in db.WebhookDeliveries
                              join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                              where d.Id == deliveryId && s.Id == id && s.ClientId == client && s.RemovedAt == null
                              select d).SingleOrDefaultAsync(cancellationToken);
        if (delivery is null)
        {
            return TypedResults.NotFound();
        }

        if (!delivery.Replay(time.GetUtcNow()))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The delivery is still pending; it is being tried. 该投递仍在进行中。", "deliveryId");
        }

        await db.SaveChangesAsync(cancellationToken);
        // The client says its endpoint is back: a hold on the subscription ends, and the worker need not wait for its poll.
        worker.Release(id);
        signal.Raise();
        return TypedResults.Accepted($"/exchange/v1/webhooks/{id}/deliveries?status=pending");
    }

    private static string Client(HttpContext http) => http.User.FindFirst("sub")!.Value;

    private static SubscriptionView View(WebhookSubscription s, bool withSecret) => new(s.Id, s.Url, s.Types, s.CreatedAt, withSecret ? s.Secret : null);
}
