namespace Talent.Matching.Matching;

/// <summary>One proposal of a batch: a demand, a provider and the pair's score.</summary>
public readonly record struct Pair(int Demand, int Provider, int Score);

/// <summary>The pairs chosen and their total; for the exact method also the rounds of the optimality proof, the pairs in the final network and the cost-scaling refines.</summary>
public sealed record AssignmentResult(IReadOnlyList<Pair> Pairs, long Total, int Rounds, int Edges, int Refines);
