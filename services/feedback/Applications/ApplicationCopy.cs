using Talent.Contracts.Applications;

namespace Talent.Feedback.Applications;

/// <summary>
/// What feedback knows of an application (from <c>ApplicationSubmitted</c>, <c>ApplicationAccepted</c> and
/// <c>ApplicationDecided</c>): whose it is, the item, the department and the owner, so a ticket about it is routed there.
/// </summary>
public sealed class ApplicationCopy
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public string LeadDepartment { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    private ApplicationCopy()
    {
    }

    public static ApplicationCopy From(ApplicationSubmitted submitted) => new()
    {
        Id = submitted.ApplicationId,
        Reference = submitted.Reference,
        ApplicantId = submitted.ApplicantId,
        ItemCode = submitted.ItemCode,
        LeadDepartment = submitted.LeadDepartment,
        SubmittedAt = submitted.OccurredAt,
    };

    /// <summary>The case's owner, as accepted or decided; a message without one keeps the one known.</summary>
    public void Owned(string? ownerId) => OwnerId = ownerId ?? OwnerId;
}
