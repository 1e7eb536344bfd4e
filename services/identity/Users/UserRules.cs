namespace Talent.Identity.Users;

/// <summary>What a person's roles require of the rest of their record, as field errors (empty when all is well).</summary>
public static class UserRules
{
    public static Dictionary<string, string[]> Check(string[]? roles, string? department, string? kind, string? creditCode)
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
}
