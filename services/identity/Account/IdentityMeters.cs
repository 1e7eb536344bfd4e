using Microsoft.AspNetCore.Identity;
using Talent.Identity.Data;
using Talent.Messaging.Metrics;

namespace Talent.Identity.Account;

/// <summary>The identity service's business meters (meter <c>Talent.Identity</c>): sign-ins by outcome, key rotations, accounts.</summary>
public static class IdentityMeters
{
    public const string SignIns = "talent.identity.sign_ins";
    public const string KeyRotations = "talent.identity.key_rotations";
    public const string Accounts = "talent.identity.accounts";
    public const string LockedOut = "talent.identity.accounts_locked_out";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Identity")
        .Counter(SignIns, "{sign_in}", "Sign-ins with a password, by outcome (succeeded, failed, locked_out) and way (form, password_grant)")
        .Counter(KeyRotations, "{rotation}", "Signing keys rotated by operators")
        .Gauge(Accounts, "{account}", "Accounts that can sign in (not disabled)")
        .Gauge(LockedOut, "{account}", "Accounts locked out after repeated failed sign-ins");

    /// <summary>Counts one password sign-in.</summary>
    public static void SignedIn(this BusinessMeters meters, SignInResult result, string way) =>
        meters.Add(SignIns, tags: new() { { "outcome", result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked_out" : "failed" }, { "way", way } });

    public sealed class Sampler : GaugeSampler<IdentityDb>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(IdentityDb db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var row = await ReadRowAsync(db, now, """
                SELECT count(*) FILTER (WHERE NOT "Disabled"), count(*) FILTER (WHERE NOT "Disabled" AND "LockoutEnd" > @p0) FROM "AspNetUsers"
                """, cancellationToken, now);
            return new Dictionary<string, double> { [Accounts] = row[0], [LockedOut] = row[1] };
        }
    }
}
