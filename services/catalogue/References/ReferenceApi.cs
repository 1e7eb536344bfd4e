using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Stages;
using Talent.Http;

namespace Talent.Catalogue.References;

/// <summary>Reference lists, readable by anyone; departments and policies are edited by operators (audited, before and after).</summary>
public static class ReferenceApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly StageView[] Stages =
        [.. Enum.GetValues<LifecycleStage>().Select(s => new StageView(StageNames.Code(s), StageNames.Zh(s), StageNames.En(s)))];

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        var catalogue = routes.MapGroup("/api/catalogue").WithTags("Reference data");
        catalogue.MapGet("/stages", () => TypedResults.Ok(Stages)).AllowAnonymous()
            .WithName("ListStages").WithSummary("The six lifecycle stages: code and names.");
        catalogue.MapGet("/departments", ListDepartmentsAsync).AllowAnonymous()
            .WithName("ListDepartments").WithSummary("Every department, by code.");
        catalogue.MapGet("/policies", ListPoliciesAsync).AllowAnonymous()
            .WithName("ListPolicies").WithSummary("Policy documents by code, a page at a time; filter by issuing department or status.")
            .ProducesValidationProblem();
        catalogue.MapGet("/policies/{code}", GetPolicyAsync).AllowAnonymous()
            .WithName("GetPolicy").WithSummary("One policy document by its code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalogue.MapGet("/service-items", ListServiceItemsAsync).AllowAnonymous()
            .WithName("ListServiceItems").WithSummary("Departmental service items by code; filter by department.");
        catalogue.MapPut("/departments/{code}", PutDepartmentAsync).RequireAuthorization(CataloguePolicies.Operator)
            .WithName("PutDepartment").WithSummary("Operators: creates or replaces a department.")
            .ProducesValidationProblem();
        catalogue.MapPut("/policies/{code}", PutPolicyAsync).RequireAuthorization(CataloguePolicies.Operator)
            .WithName("PutPolicy").WithSummary("Operators: creates or replaces a policy document.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Ok<List<Department>>> ListDepartmentsAsync(CatalogueDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct));

    private static async Task<Results<Ok<Paged<Policy>>, ValidationProblem>> ListPoliciesAsync(
        string? department, PolicyStatus? status, [AsParameters] PageQuery paging, CatalogueDbContext db, CancellationToken ct)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        var query = db.Policies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(department))
        {
            query = query.Where(p => p.IssuingDepartment == department);
        }

        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.Code).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(page.Of(items, total));
    }

    private static async Task<Results<Ok<Policy>, NotFound>> GetPolicyAsync(string code, CatalogueDbContext db, CancellationToken ct) =>
        await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound();

    private static async Task<Ok<List<ServiceItem>>> ListServiceItemsAsync(string? department, CatalogueDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ServiceItems.AsNoTracking()
            .Where(i => department == null || i.Department == department)
            .OrderBy(i => i.Code).ToListAsync(ct));

    private static async Task<Results<Ok<Department>, ValidationProblem>> PutDepartmentAsync(string code, DepartmentInput input, [AsParameters] ChangeContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Department.IsValidCode(code))
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

        var department = await context.Db.Departments.FindAsync([code], context.Cancellation);
        var before = department is null ? null : new DepartmentInput(department.NameZh, department.NameEn, department.Phone, department.Address, department.OpeningHours);
        if (department is null)
        {
            department = new Department { Code = code };
            context.Db.Departments.Add(department);
        }

        department.NameZh = input.NameZh!.Trim();
        department.NameEn = input.NameEn?.Trim();
        department.Phone = input.Phone?.Trim();
        department.Address = input.Address?.Trim();
        department.OpeningHours = input.OpeningHours?.Trim();
        context.Audit("department.saved", code, new { before, after = input }, context.Now());
        await context.SaveAsync();
        return TypedResults.Ok(department);
    }

    private static async Task<Results<Ok<Policy>, ValidationProblem>> PutPolicyAsync(string code, PolicyInput input, [AsParameters] ChangeContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Policy.IsValidCode(code))
        {
            errors["code"] = ["3 to 40 capital letters, digits or hyphens. 政策编码须为 3 至 40 位大写字母、数字或连字符。"];
        }

        if (string.IsNullOrWhiteSpace(input.TitleZh) || input.TitleZh.Length > 300)
        {
            errors["titleZh"] = ["The Chinese title is required (at most 300 characters). 政策中文标题必填。"];
        }

        if (string.IsNullOrWhiteSpace(input.IssuingDepartment) || !await context.Db.Departments.AnyAsync(d => d.Code == input.IssuingDepartment, context.Cancellation))
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

        var policy = await context.Db.Policies.FindAsync([code], context.Cancellation);
        var before = policy is null ? null : new PolicyInput(policy.TitleZh, policy.TitleEn, policy.IssuingDepartment, policy.DocumentNumber, policy.IssuedOn, policy.EffectiveFrom, policy.ExpiresOn, policy.Summary, policy.SourceUrl, policy.Status);
        if (policy is null)
        {
            policy = new Policy { Code = code };
            context.Db.Policies.Add(policy);
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
        context.Audit("policy.saved", code, new { before, after = input }, context.Now());
        await context.SaveAsync();
        return TypedResults.Ok(policy);
    }
}
