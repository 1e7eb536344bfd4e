namespace Talent.Applications.Applying;

/// <summary>
/// Applying online and handling cases, under <c>/api/applications</c>: applicants see only their own applications
/// (another's is 404), staff the cases with a step of their department, operators all. Refusals: 403 (not yours to do),
/// 409 (not in this state, with the state and the allowed actions), 400 (field-named errors). The endpoints are split by
/// feature: <see cref="DraftingApi"/>, <see cref="SubmissionApi"/>, <see cref="HandlingApi"/>, <see cref="CaseQueriesApi"/>,
/// and the materials, enquiries and figures beside them.
/// </summary>
public static class ApplicationsApi
{
    public const string Prefix = "/api/applications";
    public const string UserPolicy = "applications-user";
    public const string StaffPolicy = "applications-staff";

    /// <summary>Only the person who applied withdraws.</summary>
    public const string ApplicantPolicy = "applications-applicant";

    /// <summary>Drafts are filled in by the applicant, or by staff filing at a window on their behalf; never by operators.</summary>
    public const string FilerPolicy = "applications-filer";

    /// <summary>A case changes hands by its owner (staff) or an operator.</summary>
    public const string HandoverPolicy = "applications-handover";

    /// <summary>The group every applications feature maps into: the prefix, the tag, and applicants, staff or operators only.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder routes) =>
        routes.MapGroup(Prefix).WithTags("Applications").RequireAuthorization(UserPolicy);
}
