namespace Talent.Matching.Matching;

public static partial class Assignment
{
    private sealed partial class CostScaling
    {
        private void Refine(long epsilon)
        {
            Refines++;
            var nodes = _excess.Length;
            for (var u = 0; u < nodes; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[_to[a]] < 0)
                    {
                        var units = _residual[a];
                        _residual[a] = 0;
                        _residual[_reverse[a]] += units;
                        _excess[u] -= units;
                        _excess[_to[a]] += units;
                    }
                }
            }

            var active = new Queue<int>();
            for (var u = 0; u < nodes; u++)
            {
                _current[u] = _first[u];
                if (_excess[u] > 0)
                {
                    active.Enqueue(u);
                }
            }

            while (active.TryDequeue(out var u))
            {
                // Discharge u: push along admissible arcs (residual, reduced cost below zero), relabel when there are none.
                while (_excess[u] > 0)
                {
                    var a = _current[u];
                    if (a == _first[u + 1])
                    {
                        Relabel(u, epsilon);
                        continue;
                    }

                    var v = _to[a];
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[v] < 0)
                    {
                        var units = (int)Math.Min(_excess[u], _residual[a]);
                        _residual[a] -= units;
                        _residual[_reverse[a]] += units;
                        _excess[u] -= units;
                        var before = _excess[v];
                        _excess[v] += units;
                        if (before <= 0 && _excess[v] > 0)
                        {
                            active.Enqueue(v);
                        }

                        if (_residual[a] == 0)
                        {
                            _current[u]++;
                        }
                    }
                    else
                    {
                        _current[u]++;
                    }
                }
            }
        }

        /// <summary>Lowers u's price as far as ε-optimality allows: its best residual arc gets a reduced cost of −ε.</summary>
        private void Relabel(int u, long epsilon)
        {
            var best = long.MinValue;
            var bestArc = -1;
            for (var a = _first[u]; a < _first[u + 1]; a++)
            {
                if (_residual[a] > 0 && Prices[_to[a]] - _cost[a] is var candidate && candidate > best)
                {
                    best = candidate;
                    bestArc = a;
                }
            }

            if (bestArc < 0)
            {
                throw new InvalidOperationException("Excess at a node with no residual arc: the network is not balanced.");
            }

            Prices[u] = best - epsilon;
            _current[u] = bestArc;
        }
    }
}
