namespace Talent.Contracts.Feedback;

/// <summary>A person rated a service (好差评). <see cref="Level"/>: verySatisfied, satisfied, basicallySatisfied, dissatisfied, veryDissatisfied.</summary>
public sealed record EvaluationSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EvaluationId,
    string Subject,
    Guid SubjectId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Level,
    int Score,
    string Channel) : IIntegrationEvent;

/// <summary>
/// A review of dissatisfied or worse: the department (and the owner) that served must verify and rectify it. For an
/// application's review the rectification case opened with it (<see cref="CaseId"/>) and its verification deadline
/// (<see cref="VerifyBy"/>) came later (null for an engagement's review, and from older publishers).
/// </summary>
public sealed record NegativeEvaluationRaised(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EvaluationId,
    Guid SubjectId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Level,
    string? Comment,
    Guid? CaseId = null,
    DateOnly? VerifyBy = null) : IIntegrationEvent;

/// <summary>
/// A rectification case of a bad review was closed: after the return visit (<see cref="Outcome"/> "rectified"), or
/// because an operator removed the review on appeal ("removedOnAppeal"). <see cref="OnTime"/>: every stage met its deadline.
/// </summary>
public sealed record RectificationCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CaseId,
    Guid EvaluationId,
    Guid SubjectId,
    string ItemCode,
    string Department,
    string? OwnerId,
    string Outcome,
    bool OnTime,
    bool? SatisfiedAfterReturnVisit) : IIntegrationEvent;

/// <summary>A rectification stage passed its deadline (raised once per stage deadline): operators follow it up.</summary>
public sealed record RectificationOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CaseId,
    string Department,
    string? OwnerId,
    string Stage,
    DateOnly DueOn) : IIntegrationEvent;

/// <summary>
/// A question, complaint, suggestion or demand reached the problem-feedback window (问题反馈窗口) and was routed: to the
/// department, and to the owner of the case it is about when there is one (<see cref="OwnerId"/>, added later). A walk-in
/// person's ticket, opened by staff at a service point's window or on the telephone, says so in <see cref="Channel"/>
/// (added later: "online", "window" or "phone").
/// </summary>
public sealed record FeedbackTicketOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TicketId,
    string Number,
    string Kind,
    string Category,
    string Department,
    string? ItemCode,
    Guid? ApplicationId,
    DateOnly ReplyDueOn,
    string? OwnerId = null,
    string Channel = "online") : IIntegrationEvent;

/// <summary>
/// A ticket that reached the wrong department was passed on (转办) with the reason: the receiving department's staff
/// take it up and reply by <see cref="ReplyDueOn"/>, counted from the transfer.
/// </summary>
public sealed record FeedbackTicketTransferred(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TicketId,
    string Number,
    string FromDepartment,
    string ToDepartment,
    string Reason,
    DateOnly ReplyDueOn) : IIntegrationEvent;

/// <summary>
/// The department replied to a ticket (问题反馈): the person who raised it (<see cref="RequesterId"/>) confirms or reopens it
/// by <see cref="ConfirmBy"/>, after which it closes as confirmed. A walk-in person's ticket (<see cref="Channel"/>
/// <c>window</c> or <c>phone</c>) has no account behind its requester: staff reach them by telephone.
/// </summary>
public sealed record FeedbackTicketReplied(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TicketId,
    string Number,
    string RequesterId,
    string Department,
    DateOnly? ConfirmBy,
    string Channel = "online") : IIntegrationEvent;

/// <summary>A ticket was closed: confirmed by the person, or after the confirmation period passed without a reopening.</summary>
public sealed record FeedbackTicketResolved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TicketId,
    string Number,
    string Department,
    string? OwnerId,
    string Resolution,
    int Reopened,
    bool RepliedOnTime) : IIntegrationEvent;

/// <summary>
/// A month's 好差评 figures, published once the month is closed (a few days into the next, for late ratings): the
/// reviews, how many were satisfied or better and how many negative, overall and per department. Aggregates only.
/// </summary>
public sealed record SatisfactionFiguresPublished(
    Guid EventId, DateTimeOffset OccurredAt, string Month, int Reviews, int Satisfied, int Negative, IReadOnlyList<DepartmentSatisfaction> Departments) : IIntegrationEvent;

/// <summary>One department's line of <see cref="SatisfactionFiguresPublished"/>.</summary>
public sealed record DepartmentSatisfaction(string Department, int Reviews, int Satisfied, int Negative);
