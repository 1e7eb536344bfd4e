using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Data;

namespace Talent.Identity.Admin;

/// <summary>Operators manage people: create, edit roles and department, reset a password, disable. Every change is audited.</summary>
public static class UsersApi
{
    public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode, bool Disabled, bool LockedOut);

    public sealed record CreateUser(string? UserName, string? DisplayName, string? Password, string[]? Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode);

    public sealed record UpdateUser(string? DisplayName, string[]? Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode, string? NewPassword);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").RequireAuthorization(IdentityServiceExtensions.AdminPolicy).WithTags("Users").DisableAntiforgery();
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users, paged, optionally filtered by user name or display name.");
        users.MapPost("/", CreateAsync).WithName("CreateUser");
        users.MapPut("/{id}", UpdateAsync).WithName("UpdateUser");
        users.MapPost("/{id}/disable", DisableAsync).WithName("DisableUser");
        return routes;
    }

    private static async Task<Ok<AdminSupport.Paged<UserView>>> ListAsync(UserManager<TalentUser> users, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = AdminSupport.Paging(page, pageSize);
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var found = await query.OrderBy(u => u.UserName).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var views = new List<UserView>(found.Count);
        foreach (var user in found)
        {
            views.Add(await ViewAsync(users, user));
        }

        return TypedResults.Ok(new AdminSupport.Paged<UserView>(views, p, size, total));
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        CreateUser request, UserManager<TalentUser> users, IdentityDb db, ClaimsPrincipal actor, TimeProvider time, CancellationToken ct)
    {
        var errors = Validate(request.Roles, request.DepartmentCode, request.ApplicantKind, request.CreditCode);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 64)
        {
            errors["userName"] = ["A user name of 1 to 64 characters is required. 用户名必填（1 至 64 个字符）。"];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            errors["displayName"] = ["A display name of 1 to 100 characters is required. 姓名必填（不超过 100 字）。"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required. 密码必填。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["userName"] = ["This user name is taken. 用户名已存在。"] }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new TalentUser
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            DepartmentCode = request.DepartmentCode,
            ApplicantKind = request.ApplicantKind,
            CreditCode = request.CreditCode,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [.. created.Errors.Select(e => e.Description)] });
        }

        await users.AddToRolesAsync(user, request.Roles!);
        db.Audit(actor, "user.created", user.UserName, new { request.Roles, request.DepartmentCode, request.ApplicantKind }, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", await ViewAsync(users, user));
    }

    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem>> UpdateAsync(
        string id, UpdateUser request, UserManager<TalentUser> users, IdentityDb db, ClaimsPrincipal actor, TimeProvider time, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var roles = request.Roles ?? [.. await users.GetRolesAsync(user)];
        var errors = Validate(roles, request.DepartmentCode ?? user.DepartmentCode, request.ApplicantKind ?? user.ApplicantKind, request.CreditCode ?? user.CreditCode);
        if (request.DisplayName is { Length: 0 or > 100 })
        {
            errors["displayName"] = ["A display name of 1 to 100 characters is required. 姓名必填（不超过 100 字）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = request.DisplayName ?? user.DisplayName;
        user.DepartmentCode = request.DepartmentCode ?? user.DepartmentCode;
        user.ApplicantKind = request.ApplicantKind ?? user.ApplicantKind;
        user.CreditCode = request.CreditCode ?? user.CreditCode;
        await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), request.NewPassword);
            if (!reset.Succeeded)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. reset.Errors.Select(e => e.Description)] });
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        db.Audit(actor, "user.updated", user.UserName!, new { request.DisplayName, Roles = roles, request.DepartmentCode, request.ApplicantKind, PasswordReset = !string.IsNullOrEmpty(request.NewPassword) }, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await ViewAsync(users, user));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> DisableAsync(
        string id, UserManager<TalentUser> users, IdentityDb db, ClaimsPrincipal actor, TimeProvider time, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.Disabled = true;
        await users.UpdateAsync(user);
        // A new security stamp ends cookie sessions; refresh tokens are refused for disabled users at the token endpoint.
        await users.UpdateSecurityStampAsync(user);
        db.Audit(actor, "user.disabled", user.UserName!, null, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await ViewAsync(users, user));
    }

    private static Dictionary<string, string[]> Validate(string[]? roles, string? department, string? kind, string? creditCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (roles is null || roles.Length == 0 || roles.Any(r => !TalentRoles.All.Contains(r)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", TalentRoles.All)}. 角色必填且须为已知角色。"];
            return errors;
        }

        if ((roles.Contains(TalentRoles.Staff) || roles.Contains(TalentRoles.Commissioner)) && string.IsNullOrWhiteSpace(department))
        {
            errors["departmentCode"] = ["Staff and commissioners need a department code. 工作人员须填写部门代码。"];
        }

        if (roles.Contains(TalentRoles.Applicant) && kind is not ("talent" or "enterprise"))
        {
            errors["applicantKind"] = ["An applicant is a 'talent' or an 'enterprise'. 申请人类型须为 talent 或 enterprise。"];
        }

        if (kind == "enterprise" && (creditCode is null || creditCode.Length != 18))
        {
            errors["creditCode"] = ["An enterprise needs its 18-character unified social credit code. 企业须填写 18 位统一社会信用代码。"];
        }

        return errors;
    }

    private static async Task<UserView> ViewAsync(UserManager<TalentUser> users, TalentUser user) =>
        new(user.Id, user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.DepartmentCode, user.ApplicantKind, user.CreditCode, user.Disabled, await users.IsLockedOutAsync(user));
}
