using Talent.Http;

namespace Talent.Feedback;

public static class Paging
{
    /// <summary>The page asked for; when it is not valid, its errors join the query's other errors, so one 400 names them all.</summary>
    public static Page ResolveInto(this PageQuery paging, Dictionary<string, string[]> errors)
    {
        if (!paging.TryResolve(out var page, out var invalid))
        {
            foreach (var (field, messages) in invalid.ProblemDetails.Errors)
            {
                errors[field] = messages;
            }
        }

        return page;
    }
}
