using Talent.Applications.Applying;
using Talent.Http;

namespace Talent.Applications.Enquiries;

/// <summary>
/// A consultation (咨询) before or during an application, routed to the item's lead department. The first staff member
/// who answers owns it (首问负责) and, for a case nobody owns yet, the case too.
/// </summary>
public sealed class Enquiry
{
    public const int MaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ApplicantId { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public Guid? ApplicationId { get; private set; }

    public string Department { get; private set; } = "";

    public string Question { get; private set; } = "";

    public string? Answer { get; private set; }

    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    private Enquiry()
    {
    }

    public static Enquiry Ask(CaseActor applicant, string itemCode, Guid? applicationId, string department, string question, DateTimeOffset now) => new()
    {
        ApplicantId = applicant.Subject,
        ApplicantName = applicant.Name,
        ItemCode = itemCode,
        ApplicationId = applicationId,
        Department = department,
        Question = question,
        AskedAt = now,
    };

    public Refusal? Reply(CaseActor staff, string answer, DateTimeOffset now)
    {
        if (!staff.IsStaffOf(Department))
        {
            return Refusal.Forbidden("The item's lead department answers. 由事项牵头部门答复。");
        }

        if (OwnerId is not null && OwnerId != staff.Subject)
        {
            return Refusal.Forbidden("The first staff member who answered owns this enquiry. 该咨询已由首问责任人负责。");
        }

        OwnerId ??= staff.Subject;
        OwnerName ??= staff.Name;
        Answer = answer;
        AnsweredAt = now;
        return null;
    }
}
