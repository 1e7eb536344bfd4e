using Microsoft.AspNetCore.Identity;
using Talent.Identity.Data;

namespace Talent.Identity.Users;

/// <summary>A person as operators see them: never the password hash nor the security stamp.</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode, bool Disabled, bool LockedOut,
    string? Email, string? Phone, string Language)
{
    public static async Task<UserView> OfAsync(UserManager<TalentUser> users, TalentUser user) =>
        new(user.Id, user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.DepartmentCode, user.ApplicantKind, user.CreditCode, user.Disabled, await users.IsLockedOutAsync(user),
            user.Email, user.PhoneNumber, user.Language);
}

/// <summary>A new person; <see cref="Email"/> and <see cref="Phone"/> are where notifications reach them, <see cref="Language"/> (<c>zh-CN</c> by default, or <c>en</c>) the language they are written in.</summary>
public sealed record CreateUser(string? UserName, string? DisplayName, string? Password, string[]? Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode,
    string? Email = null, string? Phone = null, string? Language = null);

/// <summary>Only what is given changes (an empty department, applicant kind, credit code, e-mail or phone clears it); a new password also lifts a lockout.</summary>
public sealed record UpdateUser(string? DisplayName, string[]? Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode, string? NewPassword,
    string? Email = null, string? Phone = null, string? Language = null);
