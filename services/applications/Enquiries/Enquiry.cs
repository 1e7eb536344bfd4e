using Talent.Applications.Applying;
using Talent.Http;

namespace Talent.Applications.Enquiries;

/// <summary>
/// A consultation (咨询) before or during an application, under first-ask responsibility (首问责任制): whoever is asked
/// first owns the matter until they hand it over to a named colleague, in any department, who owns it from then on.
/// Asked online, it waits for the item's lead department, whose first staff member to act (answer or hand over) owns it
/// (and, for a case nobody owns yet, the case too). Asked in person or by telephone, the staff member who received the
/// question owns it at once, whatever their department. The person asking sees the owner at every moment and each step.
/// Answered once, by the owner. Pure.
/// </summary>
public sealed class Enquiry
{
    public const int MaxLength = 2000;
    public const int NoteMaxLength = 500;

    /// <summary>At most this many handovers: a matter passed round more often needs an operator, not another colleague.</summary>
    public const int MaxHandovers = 5;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ApplicantId { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public Guid? ApplicationId { get; private set; }

    /// <summary>The item's lead department: its staff take up an enquiry nobody owns yet.</summary>
    public string Department { get; private set; } = "";

    /// <summary>"online" (asked by the person), "window" or "phone" (received by a staff member, who owns it).</summary>
    public string Channel { get; private set; } = "online";

    public string Question { get; private set; } = "";

    public string? Answer { get; private set; }

    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    /// <summary>The owner's department (another than <see cref="Department"/> when the first asked was elsewhere).</summary>
    public string? OwnerDepartment { get; private set; }

    /// <summary>Who was asked first (the owner until a handover), when staff received it.</summary>
    public string? ReceivedById { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public int Handovers { get; private set; }

    /// <summary>Every step: asked or received, handed over (to whom, why), answered.</summary>
    public List<EnquiryStep> Steps { get; private set; } = [];

    private Enquiry()
    {
    }

    public static Enquiry Ask(CaseActor applicant, string itemCode, Guid? applicationId, string department, string question, DateTimeOffset now)
    {
        var enquiry = new Enquiry
        {
            ApplicantId = applicant.Subject,
            ApplicantName = applicant.Name,
            ItemCode = itemCode,
            ApplicationId = applicationId,
            Department = department,
            Question = question,
            AskedAt = now,
        };
        enquiry.Steps.Add(new EnquiryStep(now, applicant.Subject, applicant.Name, "ask", null, null, null, null));
        return enquiry;
    }

    /// <summary>A staff member of any department is asked in person (or by telephone) for someone: they own it from now.</summary>
    public static Enquiry Receive(CaseActor staff, string applicantId, string applicantName, string channel, string itemCode, Guid? applicationId, string department,
        string question, DateTimeOffset now)
    {
        var enquiry = new Enquiry
        {
            ApplicantId = applicantId,
            ApplicantName = applicantName,
            ItemCode = itemCode,
            ApplicationId = applicationId,
            Department = department,
            Channel = channel,
            Question = question,
            AskedAt = now,
            OwnerId = staff.Subject,
            OwnerName = staff.Name,
            OwnerDepartment = staff.Department,
            ReceivedById = staff.Subject,
        };
        enquiry.Steps.Add(new EnquiryStep(now, staff.Subject, staff.Name, "receive", staff.Subject, staff.Name, staff.Department, channel));
        return enquiry;
    }

    /// <summary>The owner answers (an enquiry nobody owns: the lead department's staff, the first of whom owns it).</summary>
    public Refusal? Reply(CaseActor staff, string answer, DateTimeOffset now)
    {
        if (RefuseActing(staff) is { } refusal)
        {
            return refusal;
        }

        if (Answer is not null)
        {
            return Refusal.Conflict("Answered already. 该咨询已答复。");
        }

        TakeIfNobodyOwns(staff);
        Answer = answer;
        AnsweredAt = now;
        Steps.Add(new EnquiryStep(now, staff.Subject, staff.Name, "answer", null, null, null, null));
        return null;
    }

    /// <summary>
    /// The owner (for an enquiry nobody owns, the lead department's staff) hands it over to a named staff member of any
    /// department, with the reason; that colleague owns it from now, and the person asking sees who.
    /// </summary>
    public Refusal? HandOver(CaseActor actor, string toId, string toName, string toDepartment, string note, DateTimeOffset now)
    {
        if (RefuseActing(actor) is { } refusal)
        {
            return refusal;
        }

        if (Answer is not null)
        {
            return Refusal.Conflict("Answered already: nothing to hand over. 该咨询已答复，无需移交。");
        }

        if (toId == actor.Subject || toId == OwnerId)
        {
            return Refusal.Conflict("Already theirs. 该咨询已由其负责。");
        }

        if (Handovers >= MaxHandovers)
        {
            return Refusal.Conflict($"Handed over {Handovers} times already: ask an operator to settle who answers. 已移交 {Handovers} 次，请联系平台运营人员协调。");
        }

        TakeIfNobodyOwns(actor);
        Steps.Add(new EnquiryStep(now, actor.Subject, actor.Name, "handover", toId, toName, toDepartment, note));
        OwnerId = toId;
        OwnerName = toName;
        OwnerDepartment = toDepartment;
        Handovers++;
        return null;
    }

    /// <summary>Whether a staff member sees it: the lead department's, its owner, whoever was asked first.</summary>
    public bool IsVisibleTo(CaseActor actor) =>
        actor.IsStaffOf(Department) || (actor.IsStaff && (OwnerId == actor.Subject || ReceivedById == actor.Subject));

    private Refusal? RefuseActing(CaseActor actor) =>
        OwnerId is null
            ? actor.IsStaffOf(Department) ? null : Refusal.Forbidden("The item's lead department takes up an enquiry nobody owns. 由事项牵头部门受理。")
            : OwnerId == actor.Subject ? null : Refusal.Forbidden($"{OwnerName} owns this enquiry now (first-ask responsibility). 该咨询现由 {OwnerName} 负责（首问负责）。");

    private void TakeIfNobodyOwns(CaseActor staff)
    {
        if (OwnerId is null)
        {
            OwnerId = staff.Subject;
            OwnerName = staff.Name;
            OwnerDepartment = staff.Department;
        }
    }
}

/// <summary>One step of an enquiry: <c>ask</c>, <c>receive</c> (its channel in the note), <c>handover</c> (to whom, why), <c>answer</c>.</summary>
public sealed record EnquiryStep(DateTimeOffset At, string ActorId, string ActorName, string Action, string? ToId, string? ToName, string? ToDepartment, string? Note);
