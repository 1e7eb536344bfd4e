namespace Talent.Applications.Applying;

/// <summary>Who acts on a case: the applicant (token subject), department staff, or an operator.</summary>
public sealed record CaseActor(string Subject, string Name, bool IsApplicant, bool IsStaff, bool IsOperator, string? Department, string? Phone = null)
{
    public bool IsStaffOf(string department) => IsStaff && string.Equals(Department, department, StringComparison.Ordinal);
}
