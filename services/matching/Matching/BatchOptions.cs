namespace Talent.Matching.Matching;

/// <summary>The <c>Matching:Batch</c> configuration.</summary>
public sealed class BatchOptions
{
    /// <summary>
    /// The most pairs (demands × providers) one batch scores. When the open demands are more, the most pressing that fit
    /// go first (tier A, then high urgency, then the oldest) and the rest wait for the next batch. At most
    /// <see cref="Assignment.MostPairs"/> (its memory bound), which is also the default.
    /// </summary>
    public long MostPairs { get; set; } = Assignment.MostPairs;

    /// <summary>How many of <paramref name="demands"/> open demands one batch takes with <paramref name="providers"/> eligible providers.</summary>
    public int DemandsFitting(int demands, int providers) =>
        (int)Math.Min(demands, Math.Min(Math.Max(0, Assignment.MostNodes - providers), MostPairs / Math.Max(1, providers)));
}
