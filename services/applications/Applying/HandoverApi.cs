using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Http;
using Talent.ReadModels;

namespace Talent.Applications.Applying;

/// <summary>
/// Handing a case over (mapped by <see cref="HandlingApi"/>): the new owner is looked up in the people directory, so the
/// id must be a real staff member's and the name and department recorded are theirs, not what the request says.
/// </summary>
public static class HandoverApi
{
    public static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> HandoverAsync(Guid id, HandoverRequest request, [AsParameters] CaseContext c)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ToStaffId))
        {
            errors["toStaffId"] = ["Name the staff member (toStaffId, their account) who takes the case over. 请填写接收人。"];
        }
        else if (CaseLimits.Check(request.ToStaffId.Trim(), CaseLimits.Subject) is { } idError)
        {
            errors["toStaffId"] = [idError];
        }

        if (CaseLimits.Check(request.ToStaffName, CaseLimits.Name) is { } nameError)
        {
            errors["toStaffName"] = [nameError];
        }

        if (CaseLimits.Check(request.ToDepartment, CaseLimits.Department) is { } departmentError)
        {
            errors["toDepartment"] = [departmentError];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || CaseLimits.Check(request.Reason, CaseLimits.Note) is not null)
        {
            errors["reason"] = ["A reason is required (at most 2,000 characters). 移交须说明原因。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var person = await c.PersonAsync(request.ToStaffId!.Trim());
        // A staff member's department as the request gives it must be theirs (anyone else is refused by the case below).
        if (person is not null && person.HasRole("staff") && !string.IsNullOrWhiteSpace(request.ToDepartment) && request.ToDepartment.Trim() != person.Department)
        {
            return Problems.Invalid("toDepartment", $"{person.DisplayName} is staff of {person.Department ?? "no department"}. 接收人所在部门与填写的不一致。");
        }

        // Unknown (or disabled) is refused by the case, after it has said whether the caller may hand it over at all.
        var to = person is null ? null : ActorOf(person);
        return (await c.TransitionAsync(id, (a, actor, now) => a.HandOver(actor, to, request.Reason!.Trim(), now))).OrInvalid();
    }

    private static CaseActor ActorOf(PersonCopy person) =>
        new(person.Subject, person.DisplayName, person.HasRole("applicant"), person.HasRole("staff"), person.HasRole("operator"), person.Department);
}
