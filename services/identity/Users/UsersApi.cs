using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Identity.Audit;
using Talent.Identity.Data;
using Talent.Identity.People;

namespace Talent.Identity.Users;

/// <summary>
/// Operators manage people: create, edit roles and department, reset a password, disable. Every change is audited and
/// announced (<c>PersonChanged</c>) in the same transaction.
/// </summary>
public static class UsersApi
{
    private const string DisplayNameRequired = "A display name of 1 to 100 characters is required. 姓名必填（不超过 100 字）。";

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").RequireAuthorization(IdentityServiceExtensions.AdminPolicy).WithTags("Users").DisableAntiforgery();
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users, paged, optionally filtered by user name or display name.")
            .ProducesValidationProblem();
        users.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Creates a person with a password and roles.")
            .ProducesValidationProblem();
        users.MapPut("/{id}", UpdateAsync).WithName("UpdateUser").WithSummary("Changes a person's name, roles or department, or resets the password.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{id}/disable", DisableAsync).WithName("DisableUser").WithSummary("Disables a person: no sign-in, no refreshed tokens.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<Paged<UserView>>, ValidationProblem>> ListAsync(
        string? q, [AsParameters] PageQuery paging, UserManager<TalentUser> users, CancellationToken ct)
    {
        if (!paging.TryResolve(out var page, out var invalid, defaultSize: 20, maxSize: 100))
        {
            return invalid;
        }

        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var found = await query.OrderBy(u => u.UserName).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var views = new List<UserView>(found.Count);
        foreach (var user in found)
        {
            views.Add(await UserView.OfAsync(users, user));
        }

        return TypedResults.Ok(page.Of(views, total));
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        CreateUser request, UserManager<TalentUser> users, [AsParameters] AuditedChange change)
    {
        var errors = UserRules.Check(request.Roles, request.DepartmentCode, request.ApplicantKind, request.CreditCode);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 64)
        {
            errors["userName"] = ["A user name of 1 to 64 characters is required. 用户名必填（1 至 64 个字符）。"];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            errors["displayName"] = [DisplayNameRequired];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required. 密码必填。"];
        }

        UserContacts.Check(request.Email, request.Phone, request.Language, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["userName"] = ["This user name is taken. 用户名已存在。"] }));
        }

        await using var transaction = await change.BeginAsync();
        var user = new TalentUser
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            DepartmentCode = request.DepartmentCode,
            ApplicantKind = request.ApplicantKind,
            CreditCode = request.CreditCode,
            Email = UserContacts.Changed(request.Email, null),
            PhoneNumber = UserContacts.Changed(request.Phone, null),
            Language = request.Language ?? UserContacts.Chinese,
            CreatedAt = change.Time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [.. created.Errors.Select(e => e.Description)] });
        }

        await users.AddToRolesAsync(user, request.Roles!);
        await PersonEvents.RecordAsync(change, users, user);
        change.Record("user.created", user.UserName, new { request.Roles, request.DepartmentCode, request.ApplicantKind });
        await change.CommitAsync(transaction);
        return TypedResults.Created($"/api/users/{user.Id}", await UserView.OfAsync(users, user));
    }

    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem>> UpdateAsync(
        string id, UpdateUser request, UserManager<TalentUser> users, [AsParameters] AuditedChange change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var roles = request.Roles ?? [.. await users.GetRolesAsync(user)];
        // Null leaves a field as it is; an empty string clears it.
        var (department, kind, creditCode) = (Changed(request.DepartmentCode, user.DepartmentCode), Changed(request.ApplicantKind, user.ApplicantKind), Changed(request.CreditCode, user.CreditCode));
        var errors = UserRules.Check(roles, department, kind, creditCode);
        if (request.DisplayName is { Length: 0 or > 100 })
        {
            errors["displayName"] = [DisplayNameRequired];
        }

        UserContacts.Check(request.Email, request.Phone, request.Language, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var transaction = await change.BeginAsync();
        user.DisplayName = request.DisplayName ?? user.DisplayName;
        (user.DepartmentCode, user.ApplicantKind, user.CreditCode) = (department, kind, creditCode);
        (user.Email, user.PhoneNumber, user.Language) = (UserContacts.Changed(request.Email, user.Email), UserContacts.Changed(request.Phone, user.PhoneNumber), request.Language ?? user.Language);
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

        await PersonEvents.RecordAsync(change, users, user);
        change.Record("user.updated", user.UserName!, new { request.DisplayName, Roles = roles, request.DepartmentCode, request.ApplicantKind, EmailChanged = request.Email is not null, PhoneChanged = request.Phone is not null, request.Language, PasswordReset = !string.IsNullOrEmpty(request.NewPassword) });
        await change.CommitAsync(transaction);
        return TypedResults.Ok(await UserView.OfAsync(users, user));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> DisableAsync(string id, UserManager<TalentUser> users, [AsParameters] AuditedChange change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await using var transaction = await change.BeginAsync();
        user.Disabled = true;
        await users.UpdateAsync(user);
        // A new security stamp ends cookie sessions; refresh tokens are refused for disabled users at the token endpoint.
        await users.UpdateSecurityStampAsync(user);
        await PersonEvents.RecordAsync(change, users, user);
        change.Record("user.disabled", user.UserName!, null);
        await change.CommitAsync(transaction);
        return TypedResults.Ok(await UserView.OfAsync(users, user));
    }

    private static string? Changed(string? requested, string? current) => requested is null ? current : string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
}
