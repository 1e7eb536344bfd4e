using Talent.Http;

namespace Talent.Applications.Applying;

// First-ask ownership (首问负责) changing hands: a hand-over by the owner or an operator, and an unowned case taken by the
// staff member who answered the applicant's enquiry about it.
public sealed partial class Application
{
    /// <summary>Hands the case to <paramref name="to"/>, a person of the people directory (null: nobody known by that id).</summary>
    public Refusal? HandOver(CaseActor actor, CaseActor? to, string reason, DateTimeOffset now)
    {
        if (!(actor.IsOperator || (actor.IsStaff && actor.Subject == OwnerId)))
        {
            return Forbidden("Only the owner, or an operator, hands a case over. 只有首问责任人或运营人员可以移交。");
        }

        if (IsFinal || State == ApplicationState.Draft)
        {
            return Conflict("Only a case in progress is handed over. 只有办理中的案件可以移交。");
        }

        if (to is null)
        {
            return Invalid("toStaffId", "No staff member with this account is known. 未找到该工作人员。");
        }

        if (!to.IsStaff || to.Department is null || !Departments.Contains(to.Department))
        {
            return Invalid("toStaffId", "The new owner is staff of a department with a step in this case. 接收人须为参与办理部门的工作人员。");
        }

        var previous = OwnerName ?? OwnerId;
        OwnerId = to.Subject;
        OwnerName = to.Name;
        OwnerContact = to.Phone ?? ServiceContact;
        Record(actor, "handover", State, now, $"{previous} → {to.Name}: {reason}");
        return null;
    }

    /// <summary>A staff member answered the applicant's first enquiry about this case: they own it if nobody does yet.</summary>
    public bool AnsweredEnquiry(CaseActor actor, DateTimeOffset now)
    {
        if (OwnerId is not null || !actor.IsStaff)
        {
            return false;
        }

        TakeOwnership(actor);
        Record(actor, "first-enquiry-answered", State, now, null);
        return true;
    }
}
