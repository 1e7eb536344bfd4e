using Microsoft.AspNetCore.Identity;
using Talent.Identity.Users;

namespace Talent.Identity.Data;

/// <summary>A person who signs in: an applicant (talent or enterprise), staff of a department, a service-team member or an operator.</summary>
public sealed class TalentUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For applicants: <c>talent</c> or <c>enterprise</c>.</summary>
    public string? ApplicantKind { get; set; }

    /// <summary>For enterprises: the unified social credit code (统一社会信用代码).</summary>
    public string? CreditCode { get; set; }

    /// <summary>For staff and commissioners: the department code (e.g. STI, HRSS).</summary>
    public string? DepartmentCode { get; set; }

    public bool Disabled { get; set; }

    /// <summary>The language the person reads the platform's messages in: <c>zh-CN</c> (the default) or <c>en</c>.</summary>
    public string Language { get; set; } = UserContacts.Chinese;

    public DateTimeOffset CreatedAt { get; set; }
}
