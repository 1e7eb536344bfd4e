using System.Security.Claims;
using Talent.Matching.Data;

namespace Talent.Matching;

/// <summary>What a matching endpoint works with (bound with <c>[AsParameters]</c>): the caller, the database, the clock.</summary>
public sealed record MatchingRequest(ClaimsPrincipal User, MatchingDbContext Db, TimeProvider Time, CancellationToken Cancellation);
