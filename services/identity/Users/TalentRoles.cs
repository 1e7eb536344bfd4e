namespace Talent.Identity.Users;

/// <summary>The roles a person may hold; a token carries them as <c>role</c> claims.</summary>
public static class TalentRoles
{
    public const string Applicant = "applicant";
    public const string Staff = "staff";
    public const string Commissioner = "commissioner";
    public const string Butler = "butler";
    public const string Broker = "broker";
    public const string Operator = "operator";

    public static readonly string[] All = [Applicant, Staff, Commissioner, Butler, Broker, Operator];
}
