namespace Talent.Feedback;

/// <summary>The authorization policies of the feedback API (each: the <c>feedback</c> scope and one of the roles).</summary>
public static class FeedbackPolicies
{
    /// <summary>The person served: rates, opens tickets, confirms replies.</summary>
    public const string Applicant = "feedback-applicant";

    /// <summary>Department staff and operators: rectification cases and the ticket inbox.</summary>
    public const string Handler = "feedback-handler";

    /// <summary>Department staff alone: the steps of a rectification case (operators decide appeals, not the steps).</summary>
    public const string Staff = "feedback-staff";

    /// <summary>Operators: demand analysis, appeal decisions.</summary>
    public const string Operator = "feedback-operator";

    /// <summary>Anyone signed in to feedback: reading one ticket.</summary>
    public const string AnyUser = "feedback-user";
}
