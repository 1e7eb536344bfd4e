using System.Security.Claims;
using Microsoft.Extensions.Options;
using Talent.Feedback.Data;

namespace Talent.Feedback;

/// <summary>What a feedback endpoint works with (bound with <c>[AsParameters]</c>): the caller, the database, the clock and the options.</summary>
public sealed record RequestContext(ClaimsPrincipal User, FeedbackDbContext Db, TimeProvider Time, IOptions<FeedbackOptions> Options, CancellationToken Cancellation)
{
    public string Subject => Actors.SubjectOf(User);

    public FeedbackOptions Settings => Options.Value;
}
