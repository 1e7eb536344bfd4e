using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Http;

namespace Talent.Messaging.ErrorQueues;

/// <summary>
/// Operators' view of the messages this service's consumers failed on, and the way to consume them again once the cause
/// is fixed: <c>GET {prefix}/error-queues</c>, <c>POST {prefix}/error-queues/move-back[?queue=]</c> (the dashboard's
/// "Move error-queue messages back" calls the latter).
/// </summary>
public static class ErrorQueuesApi
{
    public static IEndpointRouteBuilder MapErrorQueuesApi(this IEndpointRouteBuilder routes, string prefix, string operatorPolicy)
    {
        var group = routes.MapGroup($"{prefix}/error-queues").WithTags("Error queues").RequireAuthorization(operatorPolicy);
        group.MapGet("/", async (ErrorQueue errors, CancellationToken ct) => TypedResults.Ok(await errors.DepthsAsync(ct)))
            .WithName("ListErrorQueues")
            .WithSummary("Operators: each queue this service consumes and the messages waiting in its error queue.");
        group.MapPost("/move-back", MoveBackAsync)
            .WithName("MoveErrorQueueMessagesBack")
            .WithSummary("Operators: moves the messages of one error queue (or of all) back to their queue, to be consumed again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<ErrorQueue.Moved>>, ProblemHttpResult>> MoveBackAsync(string? queue, ErrorQueue errors, CancellationToken ct)
    {
        if (queue is not null && !errors.Knows(queue))
        {
            return Refusal.NotFound("This service consumes no queue of that name (GET error-queues lists them). 本服务没有该名称的队列。").ToProblem();
        }

        return TypedResults.Ok(await errors.MoveBackAsync(queue, ct));
    }
}
