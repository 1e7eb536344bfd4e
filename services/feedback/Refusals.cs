using System.Text.Json;
using Talent.Http;

namespace Talent.Feedback;

public static class Refusals
{
    /// <summary>The refusal with the state the case or ticket is in, named as its JSON names it (<c>returnVisit</c>).</summary>
    public static Refusal InState<TState>(this Refusal refusal, TState state)
        where TState : struct, Enum =>
        refusal with { State = JsonNamingPolicy.CamelCase.ConvertName(state.ToString()) };
}
