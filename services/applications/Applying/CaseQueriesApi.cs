using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;

namespace Talent.Applications.Applying;

/// <summary>Reading cases: one application and its history, the applicant's own (<c>/mine</c>) and the staff inbox.</summary>
public static class CaseQueriesApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapCaseQueriesApi(this IEndpointRouteBuilder routes)
    {
        var api = ApplicationsApi.Group(routes);
        api.MapGet("/mine", MineAsync).WithName("MyApplications")
            .WithSummary("The caller's own applications, newest first, optionally in one state.");
        api.MapGet("/inbox", InboxAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("StaffInbox")
            .WithSummary("Cases awaiting the caller's department, by deadline.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/inbox/counts", InboxCountsAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("StaffInboxCounts")
            .WithSummary("How many cases await the caller's department: on track, due soon, overdue.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id:guid}", GetAsync).WithName("GetApplication")
            .WithSummary("One application, with its deadlines, owner and the actions its state allows.");
        api.MapGet("/{id:guid}/history", HistoryAsync).WithName("ApplicationHistory")
            .WithSummary("Every transition of the case: who, when, from, to and the note.");
        return routes;
    }

    private static async Task<Results<Ok<ApplicationView>, NotFound>> GetAsync(Guid id, [AsParameters] CaseContext c) =>
        await c.VisibleAsync(id, tracking: false) is { } application ? TypedResults.Ok(c.View(application)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<HistoryEntry>>, NotFound>> HistoryAsync(Guid id, [AsParameters] CaseContext c) =>
        await c.VisibleAsync(id, tracking: false) is { } application ? TypedResults.Ok(application.History) : TypedResults.NotFound();

    private static async Task<Results<Ok<Paged<Summary>>, ValidationProblem>> MineAsync(string? state, [AsParameters] PageQuery paging, [AsParameters] CaseContext c)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        ApplicationState? filter = null;
        if (state is not null)
        {
            if (!Enum.TryParse<ApplicationState>(state, ignoreCase: true, out var parsed))
            {
                return Problems.Invalid("state", $"One of: {string.Join(", ", Enum.GetNames<ApplicationState>())}. 未知的状态。");
            }

            filter = parsed;
        }

        var subject = c.Actor.Subject;
        var query = c.Db.Applications.AsNoTracking().Where(a => a.ApplicantId == subject && (filter == null || a.State == filter));
        return TypedResults.Ok(await PageAsync(query.OrderByDescending(a => a.CreatedAt), page, c));
    }

    private static async Task<Results<Ok<Paged<Summary>>, ValidationProblem, ProblemHttpResult>> InboxAsync(string? status, string? item, [AsParameters] PageQuery paging, [AsParameters] CaseContext c)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        if (status is not (null or "onTrack" or "dueSoon" or "overdue"))
        {
            return Problems.Invalid("status", "onTrack, dueSoon or overdue. 状态须为 onTrack、dueSoon 或 overdue。");
        }

        if (CaseLimits.HasNul(item))
        {
            return Problems.Invalid("item", CaseLimits.NoNul);
        }

        var department = c.Actor.Department;
        if (department is null)
        {
            return Problems.Forbidden("Staff tokens carry a department. 工作人员须属于某一部门。");
        }

        var today = Application.Today(c.Time.GetUtcNow());
        var soon = c.Calendar.Current.AddWorkingDays(today, c.Settings.DueSoonDays);
        var query = c.Db.Applications.AsNoTracking().Where(a => a.AwaitingDepartmentCode == department);
        query = status switch
        {
            "overdue" => query.Where(a => a.DueOn < today),
            "dueSoon" => query.Where(a => a.DueOn >= today && a.DueOn <= soon),
            "onTrack" => query.Where(a => a.DueOn == null || a.DueOn > soon),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(item))
        {
            query = query.Where(a => a.ItemCode == item);
        }

        return TypedResults.Ok(await PageAsync(query.OrderBy(a => a.DueOn).ThenBy(a => a.SubmittedAt), page, c));
    }

    private static async Task<Results<Ok<InboxCounts>, ProblemHttpResult>> InboxCountsAsync([AsParameters] CaseContext c)
    {
        if (c.Actor.Department is not { } department)
        {
            return Problems.Forbidden("Staff tokens carry a department. 工作人员须属于某一部门。");
        }

        var today = Application.Today(c.Time.GetUtcNow());
        var soon = c.Calendar.Current.AddWorkingDays(today, c.Settings.DueSoonDays);
        // One pass over the department's rows of the (awaiting department, due on) index.
        var counts = await c.Db.Applications.AsNoTracking().Where(a => a.AwaitingDepartmentCode == department)
            .GroupBy(a => 1)
            .Select(g => new
            {
                Overdue = g.Count(a => a.DueOn < today),
                DueSoon = g.Count(a => a.DueOn >= today && a.DueOn <= soon),
                Total = g.Count(),
            })
            .SingleOrDefaultAsync(c.Cancellation);
        return TypedResults.Ok(counts is null ? new InboxCounts(0, 0, 0, 0)
            : new InboxCounts(counts.Total - counts.Overdue - counts.DueSoon, counts.DueSoon, counts.Overdue, counts.Total));
    }

    private static async Task<Paged<Summary>> PageAsync(IQueryable<Application> query, Page page, CaseContext c)
    {
        var total = await query.CountAsync(c.Cancellation);
        // Only the listed columns: the form, materials, steps and history stay in the database.
        var rows = await query.Skip(page.Skip).Take(page.Size)
            .Select(a => new { a.Id, a.Reference, a.State, a.ItemCode, a.ItemTitleZh, a.ApplicantName, a.AwaitingDepartmentCode, a.DueOn, a.OwnerId, a.OwnerName, a.OwnerContact, a.SubmittedAt })
            .ToListAsync(c.Cancellation);
        var today = Application.Today(c.Time.GetUtcNow());
        return page.Of<Summary>(
            [.. rows.Select(a => new Summary(a.Id, a.Reference, a.State.ToString(), a.ItemCode, a.ItemTitleZh, a.ApplicantName, a.AwaitingDepartmentCode, a.DueOn,
                c.DueStatus(a.DueOn, today), OwnerView.Of(a.OwnerId, a.OwnerName, a.OwnerContact), a.SubmittedAt))],
            total);
    }
}
