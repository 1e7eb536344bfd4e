using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.References;

/// <summary>Reference lists, readable by anyone; departments and policies are edited by operators.</summary>
public static class ReferenceApi
{
    public const string OperatorPolicy = "catalogue-operator";
    public const int MaxPageSize = 100;

    public sealed record StageView(string Code, string NameZh, string NameEn);

    public sealed record DepartmentInput(string? NameZh, string? NameEn, string? Phone, string? Address, string? OpeningHours);

    public sealed record PolicyInput(string? TitleZh, string? TitleEn, string? IssuingDepartment, string? DocumentNumber, DateOnly? IssuedOn, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, string? Summary, string? SourceUrl, PolicyStatus? Status);

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    private static readonly StageView[] Stages =
        [.. Enum.GetValues<Editing.LifecycleStage>().Select(s => new StageView(Search.IndexedItem.Name(s), Items.StageNames.Zh(s), Items.StageNames.En(s)))];

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        var catalogue = routes.MapGroup("/api/catalogue").WithTags("Reference data");
        catalogue.MapGet("/stages", () => TypedResults.Ok(Stages)).AllowAnonymous().WithName("ListStages");
        catalogue.MapGet("/departments", ListDepartmentsAsync).AllowAnonymous().WithName("ListDepartments");
        catalogue.MapGet("/policies", ListPoliciesAsync).AllowAnonymous().WithName("ListPolicies");
        catalogue.MapGet("/service-items", ListServiceItemsAsync).AllowAnonymous().WithName("ListServiceItems");
        catalogue.MapPut("/departments/{code}", PutDepartmentAsync).RequireAuthorization(OperatorPolicy).WithName("PutDepartment");
        catalogue.MapPut("/policies/{code}", PutPolicyAsync).RequireAuthorization(OperatorPolicy).WithName("PutPolicy");
        return routes;
    }

    private static async Task<Ok<List<Department>>> ListDepartmentsAsync(CatalogueDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct));

    private static async Task<Ok<Paged<Policy>>> ListPoliciesAsync(CatalogueDbContext db, string? department, PolicyStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Policies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(department))
        {
            query = query.Where(p => p.IssuingDepartment == department);
        }

        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        var (p, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.Code).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<Policy>(items, p, size, total));
    }

    private static async Task<Ok<List<ServiceItem>>> ListServiceItemsAsync(CatalogueDbContext db, string? department, CancellationToken ct) =>
        TypedResults.Ok(await db.ServiceItems.AsNoTracking()
            .Where(i => department == null || i.Department == department)
            .OrderBy(i => i.Code).ToListAsync(ct));

    private static async Task<Results<Ok<Department>, ValidationProblem>> PutDepartmentAsync(string code, DepartmentInput input, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodeRules.IsDepartmentCode(code))
        {
            errors["code"] = ["2 to 20 capital letters or digits, starting with a letter. 部门代码须为 2 至 20 位大写字母或数字。"];
        }

        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Length > 100)
        {
            errors["nameZh"] = ["The Chinese name is required (at most 100 characters). 部门中文名称必填。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var department = await db.Departments.FindAsync([code], ct);
        var before = department is null ? null : new DepartmentInput(department.NameZh, department.NameEn, department.Phone, department.Address, department.OpeningHours);
        if (department is null)
        {
            department = new Department { Code = code };
            db.Departments.Add(department);
        }

        department.NameZh = input.NameZh!.Trim();
        department.NameEn = input.NameEn?.Trim();
        department.Phone = input.Phone?.Trim();
        department.Address = input.Address?.Trim();
        department.OpeningHours = input.OpeningHours?.Trim();
        db.Audit.Add(AuditEntry.Of(user, "department.saved", code, new { before, after = input }, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(department);
    }

    private static async Task<Results<Ok<Policy>, ValidationProblem>> PutPolicyAsync(string code, PolicyInput input, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodeRules.IsPolicyCode(code))
        {
            errors["code"] = ["3 to 40 capital letters, digits or hyphens. 政策编码须为 3 至 40 位大写字母、数字或连字符。"];
        }

        if (string.IsNullOrWhiteSpace(input.TitleZh) || input.TitleZh.Length > 300)
        {
            errors["titleZh"] = ["The Chinese title is required (at most 300 characters). 政策中文标题必填。"];
        }

        if (string.IsNullOrWhiteSpace(input.IssuingDepartment) || !await db.Departments.AnyAsync(d => d.Code == input.IssuingDepartment, ct))
        {
            errors["issuingDepartment"] = ["A known department code is required. 发文部门须为已登记的部门。"];
        }

        if (input.EffectiveFrom is not null && input.ExpiresOn is not null && input.ExpiresOn < input.EffectiveFrom)
        {
            errors["expiresOn"] = ["A policy expires after it takes effect. 失效日期不得早于生效日期。"];
        }

        if (input.SourceUrl is not null && (!Uri.TryCreate(input.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            errors["sourceUrl"] = ["An http(s) address. 来源链接须为 http(s) 地址。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var policy = await db.Policies.FindAsync([code], ct);
        var before = policy is null ? null : new PolicyInput(policy.TitleZh, policy.TitleEn, policy.IssuingDepartment, policy.DocumentNumber, policy.IssuedOn, policy.EffectiveFrom, policy.ExpiresOn, policy.Summary, policy.SourceUrl, policy.Status);
        if (policy is null)
        {
            policy = new Policy { Code = code };
            db.Policies.Add(policy);
        }

        policy.TitleZh = input.TitleZh!.Trim();
        policy.TitleEn = input.TitleEn?.Trim();
        policy.IssuingDepartment = input.IssuingDepartment!;
        policy.DocumentNumber = input.DocumentNumber?.Trim();
        policy.IssuedOn = input.IssuedOn;
        policy.EffectiveFrom = input.EffectiveFrom;
        policy.ExpiresOn = input.ExpiresOn;
        policy.Summary = input.Summary?.Trim();
        policy.SourceUrl = input.SourceUrl;
        policy.Status = input.Status ?? PolicyStatus.Effective;
        db.Audit.Add(AuditEntry.Of(user, "policy.saved", code, new { before, after = input }, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(policy);
    }
}

internal static class CodeRules
{
    public static bool IsDepartmentCode(string code) =>
        code.Length is >= 2 and <= 20 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    public static bool IsPolicyCode(string code) =>
        code.Length is >= 3 and <= 40 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
