using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Notifications.Data;

namespace Talent.Notifications.Inbox;

/// <summary>A person's in-app inbox: their notifications newest first, how many are unread, marking them read.</summary>
public static class InboxApi
{
    public sealed record NotificationView(Guid Id, string Kind, string Reference, string Language, string Title, string Body, string NextStep, DateOnly? DueOn, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    /// <summary>One page of the inbox, the total, and the unread count across all pages.</summary>
    public sealed record InboxPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread);

    public sealed record MarkedRead(int Marked);

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder routes)
    {
        var inbox = routes.MapGroup("/api/notifications/mine").RequireAuthorization(NotificationsPolicies.Person).WithTags("Inbox");
        inbox.MapGet("", ListAsync).WithName("MyNotifications")
            .WithSummary("The caller's notifications, newest first (?unread=true for unread ones only), with the unread count.");
        inbox.MapPost("/{id:guid}/read", ReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read (reading it again changes nothing); another person's is 404.");
        inbox.MapPost("/read-all", ReadAllAsync).WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every unread notification of the caller read; answers how many were.");
        return routes;
    }

    private static async Task<Results<Ok<InboxPage>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery paging, bool? unread, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!paging.TryResolve(out var page, out var problem))
        {
            return problem;
        }

        var subject = SubjectOf(user);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == subject);
        var unreadCount = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = unread == true ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unread == true ? unreadCount : await listed.CountAsync(cancellationToken);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.Size)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Reference, n.Language, n.Title, n.Body, n.NextStep, n.DueOn, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new InboxPage(items, page.Number, page.Size, total, unreadCount));
    }

    private static async Task<Results<NoContent, NotFound>> ReadAsync(Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var subject = SubjectOf(user);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == subject, cancellationToken);
        if (notification is null)
        {
            return TypedResults.NotFound();
        }

        if (notification.MarkRead(time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<MarkedRead>> ReadAllAsync(ClaimsPrincipal user, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var subject = SubjectOf(user);
        var now = time.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.RecipientId == subject && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.Ok(new MarkedRead(marked));
    }

    internal static string SubjectOf(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";
}
