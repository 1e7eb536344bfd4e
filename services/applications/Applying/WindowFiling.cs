using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Contracts.Catalogue;
using Talent.Http;
using Talent.ReadModels;

namespace Talent.Applications.Applying;

/// <summary>
/// Filing at a service window (窗口代办): staff create a draft on a walk-in applicant's behalf and own the case. Only staff
/// of a department the item involves (its lead department or a step's, the filer's department from the token) may, and
/// only for an account the people directory knows as an applicant; the name recorded is that account's.
/// </summary>
public static class WindowFiling
{
    public sealed record Outcome(PersonCopy? Applicant, ProblemHttpResult? Refused);

    /// <summary>The request's own fields (before anything is looked up): the applicant's id, and lengths.</summary>
    public static void CheckRequest(CreateRequest request, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(request.ApplicantId))
        {
            errors["applicantId"] = ["Staff filing at a window name the applicant's account (applicantId). 窗口代办须填写申请人账户。"];
        }
        else if (CaseLimits.Check(request.ApplicantId.Trim(), CaseLimits.Subject) is { } idError)
        {
            errors["applicantId"] = [idError];
        }

        if (CaseLimits.Check(request.ApplicantName?.Trim(), CaseLimits.Name) is { } nameError)
        {
            errors["applicantName"] = [nameError];
        }
    }

    /// <summary>The filer's department against the item (403), then the applicant against the people directory (400).</summary>
    public static async Task<Outcome> CheckAsync(CreateRequest request, CaseActor filer, string leadDepartment, FlowCardSnapshot card, CaseContext c)
    {
        var involved = card.Steps.Select(s => s.Department).Append(leadDepartment);
        if (filer.Department is not { } department || !involved.Contains(department, StringComparer.Ordinal))
        {
            return new(null, Problems.Forbidden(
                "Staff of a department this item involves (its lead department or a step's) file it at a window. 仅事项牵头部门或办理环节部门的工作人员可以窗口代办。"));
        }

        var applicant = await c.PersonAsync(request.ApplicantId!.Trim());
        if (applicant is null || !applicant.HasRole("applicant"))
        {
            return new(null, Problems.Of(StatusCodes.Status400BadRequest,
                "No applicant with this account is known: name an existing applicant's account (its subject). 未找到该申请人账户。", "applicantId"));
        }

        return new(applicant, null);
    }
}
