using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Talent.Http;

/// <summary>Problem details (RFC 7807) the way every service answers: the title in English and Chinese, the field it is about.</summary>
public static class Problems
{
    /// <summary>A refusal as problem details: its status, message, and where given the state, allowed actions and field.</summary>
    public static ProblemHttpResult ToProblem(this Refusal refusal)
    {
        var extensions = new Dictionary<string, object?>();
        if (refusal.State is not null)
        {
            extensions["state"] = refusal.State;
        }

        if (refusal.Allowed is not null)
        {
            extensions["allowedActions"] = refusal.Allowed;
        }

        if (refusal.Field is not null)
        {
            extensions["field"] = refusal.Field;
        }

        return TypedResults.Problem(title: refusal.Message, statusCode: refusal.Status, extensions: extensions);
    }

    /// <summary>A problem with a status and title, naming the field (or header) it is about.</summary>
    public static ProblemHttpResult Of(int status, string title, string? field = null) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>400 with one field's error, as validation problem details.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Forbidden(string title) => Of(StatusCodes.Status403Forbidden, title);
}
