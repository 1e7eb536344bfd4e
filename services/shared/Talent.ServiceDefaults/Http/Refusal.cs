namespace Talent.Http;

/// <summary>
/// Why a request was refused, as domain code says it (no HTTP types): 403 not yours to do, 404 not there (or not yours to
/// see), 409 not in this state (with the state and the actions it allows), 400 a field is wrong. Endpoints answer it as
/// problem details with <see cref="Problems.ToProblem"/>.
/// </summary>
public sealed record Refusal(int Status, string Message, string? State = null, IReadOnlyList<string>? Allowed = null, string? Field = null)
{
    public static Refusal Forbidden(string message, string? state = null, IReadOnlyList<string>? allowed = null) => new(403, message, state, allowed);

    public static Refusal NotFound(string message = "Not found. 未找到。") => new(404, message);

    public static Refusal Conflict(string message, string? state = null, IReadOnlyList<string>? allowed = null, string? field = null) =>
        new(409, message, state, allowed, field);

    public static Refusal Invalid(string field, string message) => new(400, message, Field: field);
}
