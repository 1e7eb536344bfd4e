namespace Talent.Matching.Matching;

public static partial class Assignment
{
    private sealed partial class CostScaling
    {
        /// <summary>
        /// Saturates the arcs whose reduced cost is negative (only the added pairs: the prices are exact for the rest), then sends
        /// each unit of excess this makes to a node short of flow along a shortest path in reduced costs (Dijkstra from every
        /// node with excess), raising the prices by the distances so that every reduced cost stays at least zero. The result
        /// is 0-optimal: optimal.
        /// </summary>
        private void Repair()
        {
            var nodes = _excess.Length;
            for (var u = 0; u < nodes; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[_to[a]] < 0)
                    {
                        Push(u, a, _residual[a]);
                    }
                }
            }

            var distance = new long[nodes];
            var via = new int[nodes];
            var queue = new PriorityQueue<int, long>();
            while (true)
            {
                Array.Fill(distance, long.MaxValue);
                queue.Clear();
                for (var u = 0; u < nodes; u++)
                {
                    if (_excess[u] > 0)
                    {
                        distance[u] = 0;
                        via[u] = -1;
                        queue.Enqueue(u, 0);
                    }
                }

                if (queue.Count == 0)
                {
                    return;
                }

                var target = -1;
                while (queue.TryDequeue(out var u, out var du))
                {
                    if (du > distance[u])
                    {
                        continue;
                    }

                    if (_excess[u] < 0)
                    {
                        target = u;
                        break;
                    }

                    for (var a = _first[u]; a < _first[u + 1]; a++)
                    {
                        var v = _to[a];
                        if (_residual[a] > 0 && du + _cost[a] + Prices[u] - Prices[v] is var dv && dv < distance[v])
                        {
                            distance[v] = dv;
                            via[v] = a;
                            queue.Enqueue(v, dv);
                        }
                    }
                }

                if (target < 0)
                {
                    throw new InvalidOperationException("Excess with nowhere to go: the network is not balanced.");
                }

                var reach = distance[target];
                for (var v = 0; v < nodes; v++)
                {
                    Prices[v] += Math.Min(distance[v], reach);
                }

                // Back along the path to where it started; move as much as the path, the excess and the shortage allow.
                var units = -_excess[target];
                var start = target;
                for (var v = target; via[v] >= 0; v = _to[_reverse[via[v]]])
                {
                    units = Math.Min(units, _residual[via[v]]);
                    start = _to[_reverse[via[v]]];
                }

                units = Math.Min(units, _excess[start]);
                for (var v = target; via[v] >= 0; v = _to[_reverse[via[v]]])
                {
                    Push(_to[_reverse[via[v]]], via[v], (int)units);
                }
            }
        }

        private void Push(int from, int arc, int units)
        {
            _residual[arc] -= units;
            _residual[_reverse[arc]] += units;
            _excess[from] -= units;
            _excess[_to[arc]] += units;
        }
    }
}
