using System.Globalization;

namespace Talent.Portal.Apis;

/// <summary>
/// The feedback API through the gateway, on the signed-in person's behalf: what they may rate, their ratings and
/// follow-ups (好差评), and their tickets in the problem-feedback window (问题反馈窗口).
/// </summary>
public sealed class FeedbackApi(HttpClient http)
{
    public HttpClient Http => http;

    public Task<ApiResult<List<RatingInvitation>>> InvitationsAsync(CancellationToken ct) => GetAsync<List<RatingInvitation>>("/api/feedback/invitations/mine", ct);

    public Task<ApiResult<List<RatingEvaluation>>> EvaluationsAsync(CancellationToken ct) => GetAsync<List<RatingEvaluation>>("/api/feedback/evaluations/mine", ct);

    public Task<ApiResult<RatingEvaluation>> EvaluateAsync(RatingRequest request, CancellationToken ct) => PostAsync<RatingEvaluation>("/api/feedback/evaluations", request, ct);

    public Task<ApiResult<RatingEvaluation>> FollowUpAsync(Guid evaluationId, string? comment, CancellationToken ct) =>
        PostAsync<RatingEvaluation>($"/api/feedback/evaluations/{evaluationId}/follow-up", new { comment }, ct);

    public Task<ApiResult<List<FeedbackCategory>>> CategoriesAsync(CancellationToken ct) => GetAsync<List<FeedbackCategory>>("/api/feedback/tickets/categories", ct);

    public Task<ApiResult<FeedbackTicketPage>> TicketsAsync(int page, int pageSize, CancellationToken ct) =>
        GetAsync<FeedbackTicketPage>(string.Create(CultureInfo.InvariantCulture, $"/api/feedback/tickets/mine?page={page}&pageSize={pageSize}"), ct);

    public Task<ApiResult<FeedbackTicket>> TicketAsync(Guid id, CancellationToken ct) => GetAsync<FeedbackTicket>($"/api/feedback/tickets/{id}", ct);

    public Task<ApiResult<FeedbackTicket>> OpenTicketAsync(OpenTicketRequest request, CancellationToken ct) => PostAsync<FeedbackTicket>("/api/feedback/tickets", request, ct);

    public Task<ApiResult<FeedbackTicket>> ConfirmTicketAsync(Guid id, bool? satisfied, string? note, CancellationToken ct) =>
        PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/confirm", new { satisfied, note }, ct);

    public Task<ApiResult<FeedbackTicket>> ReopenTicketAsync(Guid id, string? reason, CancellationToken ct) =>
        PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/reopen", new { reason }, ct);

    // Staff and operators (the console): rectification cases of bad reviews and the problem-feedback inbox.

    /// <summary>The caller's department's rectification cases (operators: all), open ones first by their stage's deadline.</summary>
    public Task<ApiResult<RectificationPage>> RectificationsAsync(string? state, bool overdue, int page, int pageSize, CancellationToken ct) =>
        GetAsync<RectificationPage>(QueryString.Of("/api/feedback/rectifications", ("state", state), ("overdue", overdue ? "true" : null), ("page", Page(page)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))), ct);

    public Task<ApiResult<Rectification>> RectificationAsync(Guid id, CancellationToken ct) => GetAsync<Rectification>($"/api/feedback/rectifications/{id}", ct);

    /// <summary>One step of a case: <paramref name="action"/> is the route (<c>start-verification</c>, <c>verify</c>, <c>rectify</c>,
    /// <c>return-visit</c>, <c>appeal</c>, <c>appeal-decision</c>), <paramref name="body"/> its fields (errors under their names).</summary>
    public Task<ApiResult<Rectification>> RectificationStepAsync(Guid id, string action, object? body, CancellationToken ct) =>
        PostAsync<Rectification>($"/api/feedback/rectifications/{id}/{action}", body, ct);

    /// <summary>Tickets routed to the caller's department (operators: all), open ones first by their reply deadline.</summary>
    /// <summary><paramref name="openedByMe"/>: instead, the walk-in tickets the caller opened, wherever they went.</summary>
    public Task<ApiResult<FeedbackTicketPage>> TicketInboxAsync(string? state, bool overdue, int page, int pageSize, CancellationToken ct, bool openedByMe = false) =>
        GetAsync<FeedbackTicketPage>(QueryString.Of("/api/feedback/tickets/inbox", ("state", state), ("overdue", overdue ? "true" : null), ("openedByMe", openedByMe ? "true" : null),
            ("page", Page(page)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))), ct);

    /// <summary>Staff open a ticket for a walk-in person (errors under the request's field names, and <c>channel</c>, <c>personName</c>, <c>personPhone</c>).</summary>
    public Task<ApiResult<FeedbackTicket>> OpenWalkInTicketAsync(WalkInTicketRequest request, CancellationToken ct) => PostAsync<FeedbackTicket>("/api/feedback/tickets/window", request, ct);

    /// <summary>Passes an open ticket on to another department with the reason (errors under <c>department</c>, <c>reason</c>).</summary>
    public Task<ApiResult<FeedbackTicket>> TransferTicketAsync(Guid id, string? department, string? reason, CancellationToken ct) =>
        PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/transfer", new { department, reason }, ct);

    /// <summary>What a walk-in person said about the reply: satisfied or not (closes it), or not accepted with the reason (reopens it; error under <c>note</c>).</summary>
    public Task<ApiResult<FeedbackTicket>> RecordTicketAnswerAsync(Guid id, bool reopen, bool? satisfied, string? note, CancellationToken ct) =>
        PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/{(reopen ? "record-reopening" : "record-confirmation")}", new { satisfied, note }, ct);

    /// <summary>The first of the department to take a ticket up owns it (首问负责).</summary>
    public Task<ApiResult<FeedbackTicket>> TakeTicketAsync(Guid id, CancellationToken ct) => PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/take", null, ct);

    /// <summary>The owner's reply (error under <c>reply</c>); the person then confirms or reopens.</summary>
    public Task<ApiResult<FeedbackTicket>> ReplyTicketAsync(Guid id, string? reply, CancellationToken ct) =>
        PostAsync<FeedbackTicket>($"/api/feedback/tickets/{id}/reply", new { reply }, ct);

    private static string? Page(int value) => value > 1 ? value.ToString(CultureInfo.InvariantCulture) : null;

    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct)
    {
        using var response = body is null ? await http.PostAsync(path, null, ct) : await http.PostAsJsonAsync(path, body, Json.Options, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

/// <summary>A service the person may rate: a decided application or a closed engagement (kind <c>application</c> or <c>engagement</c>).</summary>
public sealed record RatingInvitation(string Kind, Guid SubjectId, Guid? ApplicationId, Guid? EngagementId, string Reference, string ItemCode, string Title,
    string LeadDepartment, bool Approved, DateTimeOffset DecidedAt, DateTimeOffset OpenUntil, bool Open, bool Rated);

/// <summary>One rating: level <c>verySatisfied</c> … <c>veryDissatisfied</c>, indicator scores 1-5, tags, comment, the one follow-up.</summary>
public sealed record RatingEvaluation(Guid Id, string SubjectKind, Guid SubjectId, string Title, string ItemCode, string Level, Dictionary<string, int> Scores,
    List<string> Tags, string? Comment, string Channel, DateTimeOffset SubmittedAt, string? Addition, DateTimeOffset? AddedAt);

public sealed record RatingRequest(Guid? ApplicationId, Guid? EngagementId, string? Level, Dictionary<string, int> Scores, List<string> Tags, string? Comment, string Channel);

public sealed record FeedbackCategory(string Code, string NameZh, string NameEn, string Department);

public sealed record OpenTicketRequest(string? Kind, string? Category, string? Title, string? Body, string? ItemCode, Guid? ApplicationId);

/// <summary>A walk-in person's ticket: <c>Channel</c> <c>window</c> or <c>phone</c>, the person's name and telephone.</summary>
public sealed record WalkInTicketRequest(string? Kind, string? Category, string? Title, string? Body, string? ItemCode, string? Channel, string? PersonName, string? PersonPhone);

/// <summary>A ticket; <c>State</c> is <c>open</c>, <c>replied</c> or <c>closed</c>; reopening is possible until <c>ConfirmBy</c>.</summary>
public sealed record FeedbackTicket(Guid Id, string Number, string Kind, string Category, string Title, string Body, string? ItemCode, Guid? ApplicationId,
    string Department, string RoutedBy, string? OwnerId, string? OwnerName, string State, DateTimeOffset OpenedAt, DateOnly ReplyDueOn, bool Overdue, string? Reply,
    DateTimeOffset? RepliedAt, DateOnly? ConfirmBy, int Reopened, string? Resolution, bool? Satisfied, DateTimeOffset? ClosedAt, List<FeedbackTicketStep> History,
    string Channel = "online", string RequesterName = "", string? Contact = null, string? OpenedByName = null, int Transfers = 0, string ClockZh = "", string ClockEn = "");

public sealed record FeedbackTicketStep(DateTimeOffset At, string ActorId, string ActorName, string Action, string From, string To, string? Note);

/// <summary>
/// A rectification case of a bad review (差评整改): <c>State</c> raised → verifying → rectifying → returnVisit → closed;
/// <c>Appeal</c> none, pending (the case waits for an operator), upheld or removed; <c>AllowedActions</c> are the routes open now.
/// </summary>
public sealed record Rectification(Guid Id, Guid EvaluationId, Guid ApplicationId, string ItemCode, string ItemTitle, string Department, string? OwnerId,
    string Level, string? Comment, string State, DateTimeOffset RaisedAt, DateOnly StageDueOn, bool Overdue, bool Late, string? Findings, string? Changes,
    bool? SatisfiedAfterVisit, string? ReturnVisitNote, string Appeal, string? AppealReason, string? AppealDecisionNote, string? Outcome, DateTimeOffset? ClosedAt,
    List<string> AllowedActions, List<RectificationStep> History)
{
    public bool Allows(string action) => AllowedActions.Contains(action, StringComparer.Ordinal);
}

public sealed record RectificationStep(DateTimeOffset At, string ActorId, string ActorName, string Action, string From, string To, string? Note);

public sealed record RectificationPage(List<Rectification> Items, int Page, int PageSize, int Total);

public sealed record FeedbackTicketPage(List<FeedbackTicket> Items, int Page, int PageSize, int Total);

/// <summary>
/// The services write their messages in both languages, English first ("At most 500 characters. 不超过 500 字。"); this
/// keeps the part in the person's language where a page has no text of its own for the message.
/// </summary>
public static class BilingualText
{
    public static string? InCurrentLanguage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return message;
        }

        var chinese = message.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff');
        if (chinese <= 0)
        {
            return message;
        }

        // The Chinese sentence starts at the sentence break before its first Chinese character.
        var start = message.LastIndexOf(". ", chinese, StringComparison.Ordinal);
        if (start < 0)
        {
            return message;
        }

        var english = !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return english ? message[..(start + 1)].Trim() : message[(start + 2)..].Trim();
    }
}
