using Talent.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Notifications.Data;

namespace Talent.Notifications.Deliveries;

/// <summary>Operators' view of deliveries by status (the dead letters first of all), and sending a dead one again.</summary>
public static class DeliveriesApi
{
    public sealed record DeliveryView(Guid Id, Guid NotificationId, string RecipientId, string Kind, string Title, string Channel, string Address, string Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    private static readonly string[] Statuses = [Delivery.Pending, Delivery.Sent, Delivery.Dead];

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        var deliveries = routes.MapGroup("/api/notifications/deliveries").RequireAuthorization(NotificationsPolicies.Operator).WithTags("Deliveries");
        deliveries.MapGet("", ListAsync).WithName("Deliveries")
            .WithSummary("Deliveries in one status (dead by default: set aside after their last attempt), oldest first.");
        deliveries.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryDelivery")
            .WithSummary("Sends a dead delivery again (pending now, attempts counted afresh); 409 when it is not dead.");
        return routes;
    }

    private static async Task<Results<Ok<Paged<DeliveryView>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery paging, string? status, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        status ??= Delivery.Dead;
        if (!Statuses.Contains(status))
        {
            errors["status"] = [$"One of: {string.Join(", ", Statuses)}. 状态须为 pending、sent 或 dead。"];
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

        var query = from d in db.Deliveries.AsNoTracking()
                    join n in db.Notifications on d.NotificationId equals n.Id
                    where d.Status == status
                    select new { d, n };
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(x => x.d.CreatedAt).ThenBy(x => x.d.Id).Skip(page.Skip).Take(page.Size)
            .Select(x => new DeliveryView(x.d.Id, x.n.Id, x.n.RecipientId, x.n.Kind, x.n.Title, x.d.Channel, x.d.Address, x.d.Status, x.d.Attempts, x.d.NextAttemptAt, x.d.LastError, x.d.CreatedAt, x.d.SentAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of<DeliveryView>(items, total));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RetryAsync(
        Guid id, NotificationsDbContext db, TimeProvider time, CommitSignal<Delivery> signal, HttpContext http, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (delivery is null)
        {
            return TypedResults.NotFound();
        }

        if (!delivery.Revive(time.GetUtcNow()))
        {
            return Refusal.Conflict($"Only a dead delivery is sent again; this one is {delivery.Status}. 仅可重发已失败的投递。", delivery.Status).ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
        logs.CreateLogger("Talent.Notifications.Deliveries").LogInformation("Delivery {Delivery} sent again by {Operator}", id, http.User.Identity?.Name);
        return TypedResults.NoContent();
    }
}
