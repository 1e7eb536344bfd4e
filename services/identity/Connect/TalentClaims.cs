namespace Talent.Identity.Connect;

/// <summary>The claims this provider adds to the standard ones, as the services read them.</summary>
public static class TalentClaims
{
    public const string Department = "department";
    public const string ApplicantKind = "applicant_kind";
    public const string CreditCode = "credit_code";
}
