namespace Talent.Exchange;

/// <summary>The authorization policies of the exchange API (each needs the <c>exchange</c> scope).</summary>
public static class ExchangePolicies
{
    /// <summary>
    /// A municipal system: a client-credentials token (a client carries no role). Which exchange services it may call is
    /// then the operators' grant (<see cref="Access.GrantFilter"/>).
    /// </summary>
    public const string Client = "exchange-client";

    /// <summary>Operators: grants, the call log and its verification.</summary>
    public const string Operator = "exchange-operator";
}
