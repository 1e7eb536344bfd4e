using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Http;

namespace Talent.Messaging.Outbox;

/// <summary>
/// Operators' view of the events a service could not publish (set aside by the relay) and the way to send one again
/// once its cause is fixed: <c>GET {prefix}/outbox/set-aside</c>, <c>POST {prefix}/outbox/set-aside/{sequence}/retry</c>.
/// </summary>
public static class OutboxApi
{
    public sealed record SetAsideMessage(long Sequence, Guid MessageId, string MessageType, DateTimeOffset RecordedAt, DateTimeOffset SetAsideAt, int Failures, string? LastError);

    public static IEndpointRouteBuilder MapOutboxApi<TContext>(this IEndpointRouteBuilder routes, string prefix, string operatorPolicy)
        where TContext : DbContext
    {
        var outbox = routes.MapGroup($"{prefix}/outbox/set-aside").WithTags("Outbox").RequireAuthorization(operatorPolicy);
        // The database is resolved by hand: the route analyzer cannot follow a handler parameter of a generic type.
        outbox.MapGet("/", ([AsParameters] PageQuery paging, HttpContext http) => ListAsync(paging, http.RequestServices.GetRequiredService<TContext>(), http.RequestAborted))
            .WithName("ListSetAsideMessages")
            .WithSummary("Operators: the events this service could not publish and set aside, oldest first.")
            .ProducesValidationProblem();
        outbox.MapPost("/{sequence:long}/retry", (long sequence, OutboxSignal signal, HttpContext http) => RetryAsync(sequence, http.RequestServices.GetRequiredService<TContext>(), signal, http.RequestAborted))
            .WithName("RetrySetAsideMessage")
            .WithSummary("Operators: publish a set-aside event again (its failure count starts over).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<Paged<SetAsideMessage>>, ValidationProblem>> ListAsync<TContext>(PageQuery paging, TContext db, CancellationToken ct)
        where TContext : DbContext
    {
        if (!paging.TryResolve(out var page, out var invalid))
        {
            return invalid;
        }

        var rows = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SetAsideAt != null && m.SentAt == null);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(m => m.Sequence).Skip(page.Skip).Take(page.Size)
            .Select(m => new SetAsideMessage(m.Sequence, m.MessageId, m.MessageType, m.RecordedAt, m.SetAsideAt!.Value, m.Failures, m.LastError))
            .ToListAsync(ct);
        return TypedResults.Ok(page.Of(items, total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync<TContext>(long sequence, TContext db, OutboxSignal signal, CancellationToken ct)
        where TContext : DbContext
    {
        if (!await RetrySetAsideAsync(db, sequence, ct))
        {
            return Refusal.NotFound("No set-aside message with this sequence. 没有该编号的搁置消息。").ToProblem();
        }

        signal.Notify();
        return TypedResults.NoContent();
    }

    /// <summary>Puts a set-aside row back in the relay's way, its failures forgotten; false when there is no such row.</summary>
    public static async Task<bool> RetrySetAsideAsync(DbContext db, long sequence, CancellationToken ct) =>
        await db.Set<OutboxMessage>()
            .Where(m => m.Sequence == sequence && m.SetAsideAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.SetAsideAt, (DateTimeOffset?)null).SetProperty(x => x.Failures, 0), ct) > 0;
}
