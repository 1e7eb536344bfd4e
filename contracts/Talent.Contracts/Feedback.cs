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

/// <summary>A review of dissatisfied or worse: the department (and the owner) that served must verify and rectify it.</summary>
public sealed record NegativeEvaluationRaised(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EvaluationId,
    Guid SubjectId,
    string ItemCode,
    string LeadDepartment,
    string? OwnerId,
    string Level,
    string? Comment) : IIntegrationEvent;
