using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.ReadModels;

namespace Talent.Applications.Applying;

/// <summary>
/// Staff look people up in this service's copy of the people directory: the applicant a walk-in names at the window
/// (by name or account, never the whole register: at least two characters), or the colleague a case is handed over to
/// (staff, optionally of one department). Disabled accounts are not found. Only what filing and handing over need is
/// shown: account, name, applicant kind, department.
/// </summary>
public static class PeopleLookupApi
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;

    public sealed record PersonSummary(string Subject, string DisplayName, string? ApplicantKind, string? Department);

    public static IEndpointRouteBuilder MapPeopleLookupApi(this IEndpointRouteBuilder routes)
    {
        ApplicationsApi.Group(routes).MapGet("/people", FindAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("FindPeople")
            .WithSummary("Staff: applicants by name or account (q, at least two characters), or staff (optionally of one department).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Results<Ok<Paged<PersonSummary>>, ValidationProblem>> FindAsync(
        string? role, string? q, string? department, [AsParameters] PageQuery paging, [AsParameters] CaseContext c)
    {
        if (!paging.TryResolve(out var page, out var invalid, CaseQueriesApi.DefaultPageSize, CaseQueriesApi.MaxPageSize))
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>();
        if (role is not ("applicant" or "staff"))
        {
            errors["role"] = ["applicant or staff. 查找对象须为 applicant（申请人）或 staff（工作人员）。"];
        }

        var query = q?.Trim() ?? "";
        if (CaseLimits.HasNul(query) || query.Length > MaxQueryLength)
        {
            errors["q"] = [$"At most {MaxQueryLength} characters. 查询内容最多 {MaxQueryLength} 个字符。"];
        }
        else if (role == "applicant" && query.Length < MinQueryLength)
        {
            errors["q"] = [$"An applicant is found by name or account: at least {MinQueryLength} characters. 查找申请人须输入至少 {MinQueryLength} 个字符的姓名或账户。"];
        }

        if (CaseLimits.Check(department, CaseLimits.Department) is { } departmentError)
        {
            errors["department"] = [departmentError];
        }
        else if (department is not null && role == "applicant")
        {
            errors["department"] = ["Only staff are found by department. 仅查找工作人员时可按部门筛选。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var people = c.Db.People.AsNoTracking().Where(p => !p.Disabled && p.Roles.Contains(role!));
        if (query.Length > 0)
        {
            people = people.NamedLike(query);
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            var code = department.Trim();
            people = people.Where(p => p.Department == code);
        }

        var total = await people.CountAsync(c.Cancellation);
        var rows = await people.OrderBy(p => p.DisplayName).ThenBy(p => p.Subject).Skip(page.Skip).Take(page.Size)
            .Select(p => new PersonSummary(p.Subject, p.DisplayName, p.ApplicantKind, p.Department))
            .ToListAsync(c.Cancellation);
        return TypedResults.Ok(page.Of<PersonSummary>(rows, total));
    }
}
