using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;

namespace Talent.Applications.Deadlines;

/// <summary>
/// <c>POST /api/applications/deadline-sweeps</c> (operators, and the dashboard's "Run the deadline sweep now"): one pass of
/// the sweep at once instead of at its next interval, for instance after the calendar changed. Safe beside the periodic
/// pass and other replicas' (the rows it takes are locked, each alert is raised once).
/// </summary>
public static class DeadlineSweepApi
{
    /// <summary>What the pass did.</summary>
    public sealed record SweepResult(int AlertsRaised, DateTimeOffset SweptAt);

    public static IEndpointRouteBuilder MapDeadlineSweepApi(this IEndpointRouteBuilder routes)
    {
        ApplicationsApi.Group(routes).MapPost("/deadline-sweeps", SweepAsync).RequireAuthorization(CalendarApi.OperatorPolicy)
            .WithName("RunDeadlineSweep")
            .WithSummary("Operators: raises the due-soon and overdue alerts now (each once), and says how many it raised.");
        return routes;
    }

    private static async Task<Ok<SweepResult>> SweepAsync(IServiceProvider services, TimeProvider time, ILogger<DeadlineSweep> logger, HttpContext http)
    {
        // A pass of its own: the periodic one is a hosted service; both take rows with SKIP LOCKED.
        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(services);
        var raised = await sweep.SweepAsync(http.RequestAborted);
        logger.LogInformation("Deadline sweep run by {Operator}: {Raised} alert(s) raised", http.User.Identity?.Name, raised);
        return TypedResults.Ok(new SweepResult(raised, time.GetUtcNow()));
    }
}
