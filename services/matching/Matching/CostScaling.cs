namespace Talent.Matching.Matching;

public static partial class Assignment
{
    /// <summary>
    /// Min-cost flow by cost scaling (Goldberg's push-relabel refine): costs are multiplied by one more than the number of
    /// nodes, so a flow that is 1-optimal (no residual arc with a reduced cost below −1) is optimal; ε starts at the largest
    /// cost (or, warm, at the worst violation of the previous round's potentials) and is divided by <see cref="Alpha"/> until 1.
    /// Each refine saturates every arc of negative reduced cost and then discharges the excess it made, first in first out.
    /// </summary>
    private sealed partial class CostScaling
    {
        private const long Alpha = 8;
        private readonly int _demands;
        private readonly int _sink;
        private readonly long _scale;
        private readonly int[] _first;   // arcs of node u: _first[u] .. _first[u + 1] − 1
        private readonly int[] _to;
        private readonly int[] _reverse;
        private readonly int[] _residual;
        private readonly long[] _cost;
        private readonly long[] _excess;
        private readonly int[] _current;
        private readonly bool _warm;

        public long[] Prices { get; }

        public int Refines { get; private set; }

        public CostScaling(int[] need, int[] capacity, List<(int Provider, int Score)>[] lists, CostScaling? warm)
        {
            _demands = need.Length;
            var nodes = need.Length + capacity.Length + 1;
            _sink = nodes - 1;
            _scale = nodes + 1;
            var used = warm?.Pairs().Select(p => (p.Demand, p.Provider)).ToHashSet() ?? [];

            // Count each node's arcs (an arc and its reverse), then lay them out node by node.
            var degree = new int[nodes + 1];
            for (var d = 0; d < need.Length; d++)
            {
                if (need[d] <= 0)
                {
                    continue;
                }

                degree[d] += 1 + lists[d].Count;
                degree[_sink]++;
                foreach (var (provider, _) in lists[d])
                {
                    degree[ProviderNode(provider)]++;
                }
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                if (capacity[p] > 0)
                {
                    degree[ProviderNode(p)]++;
                    degree[_sink]++;
                }
            }

            _first = new int[nodes + 1];
            for (var u = 0; u < nodes; u++)
            {
                _first[u + 1] = _first[u] + degree[u];
            }

            var arcs = _first[nodes];
            _to = new int[arcs];
            _reverse = new int[arcs];
            _residual = new int[arcs];
            _cost = new long[arcs];
            _excess = new long[nodes];
            _current = new int[nodes];
            Prices = new long[nodes];
            var fill = (int[])_first.Clone();
            var atProvider = new int[capacity.Length];
            for (var d = 0; d < need.Length; d++)
            {
                if (need[d] <= 0)
                {
                    continue;
                }

                var assigned = 0;
                foreach (var (provider, score) in lists[d])
                {
                    var flow = used.Contains((d, provider)) ? 1 : 0;
                    assigned += flow;
                    atProvider[provider] += flow;
                    Arc(fill, d, ProviderNode(provider), 1, flow, -score * _scale);
                }

                Arc(fill, d, _sink, need[d], need[d] - assigned, 0); // places left empty
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                if (capacity[p] > 0)
                {
                    Arc(fill, ProviderNode(p), _sink, capacity[p], atProvider[p], 0);
                }
            }

            if (warm is not null)
            {
                _warm = true;
                Array.Copy(warm.Prices, Prices, nodes);
            }
        }

        private int ProviderNode(int provider) => _demands + provider;

        private void Arc(int[] fill, int from, int to, int capacity, int flow, long cost)
        {
            var a = fill[from]++;
            var b = fill[to]++;
            _to[a] = to;
            _reverse[a] = b;
            _residual[a] = capacity - flow;
            _cost[a] = cost;
            _to[b] = from;
            _reverse[b] = a;
            _residual[b] = flow;
            _cost[b] = -cost;
        }

        /// <summary>Scales ε down from the worst violation of the current prices to 1; the flow is then optimal.</summary>
        public void Run(int repairAtMost)
        {
            long epsilon = 0;
            var violating = 0;
            for (var u = 0; u < _excess.Length; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && -(_cost[a] + Prices[u] - Prices[_to[a]]) is var violation && violation > 0)
                    {
                        epsilon = Math.Max(epsilon, violation);
                        violating += _residual[a];
                    }
                }
            }

            // A warm start with exact prices and a few added pairs that break them: shortest paths move those few units;
            // otherwise (a cold start, or many) cost scaling.
            if (_warm && violating <= repairAtMost)
            {
                Repair();
                return;
            }

            while (epsilon > 1)
            {
                epsilon = Math.Max(1, epsilon / Alpha);
                Refine(epsilon);
            }
        }
    }
}
