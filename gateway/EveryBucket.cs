using System.Threading.RateLimiting;

namespace Talent.Gateway;

/// <summary>
/// A permit from every bucket or from none. The framework's chained limiter spends the earlier buckets' tokens when a
/// later one refuses, and the rate-limiting middleware, after a refusal, tries a second time (to queue): so one
/// refused request would cost its address two tokens. Here a bucket without a whole permit left refuses before any
/// other is taken from, and nothing is spent on a refused request (a bucket emptied meanwhile is the rare exception).
/// </summary>
internal sealed class EveryBucket<TResource>(params PartitionedRateLimiter<TResource>[] buckets) : PartitionedRateLimiter<TResource>
{
    public override RateLimiterStatistics? GetStatistics(TResource resource) =>
        buckets.Select(b => b.GetStatistics(resource)).Where(s => s is not null).MinBy(s => s!.CurrentAvailablePermits);

    protected override RateLimitLease AttemptAcquireCore(TResource resource, int permitCount)
    {
        var taken = new RateLimitLease?[buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            // Statistics count whole permits (a token bucket refills by fractions, which a zero-permit probe would see as "not empty").
            if (buckets[i].GetStatistics(resource) is { } statistics && statistics.CurrentAvailablePermits < permitCount)
            {
                // Refused without taking anything, with Retry-After; granted only if it refilled since.
                taken[i] = buckets[i].AttemptAcquire(resource, permitCount);
                if (!taken[i]!.IsAcquired)
                {
                    return Refused(taken, i);
                }
            }
        }

        for (var i = 0; i < buckets.Length; i++)
        {
            taken[i] ??= buckets[i].AttemptAcquire(resource, permitCount);
            if (!taken[i]!.IsAcquired)
            {
                return Refused(taken, i);
            }
        }

        return new Leases([.. taken.Select(l => l!)]);
    }

    /// <summary>No queue: a second, waiting attempt is the same as the first.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(TResource resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private static RateLimitLease Refused(RateLimitLease?[] taken, int refusedBy)
    {
        for (var i = 0; i < taken.Length; i++)
        {
            if (i != refusedBy)
            {
                taken[i]?.Dispose();
            }
        }

        return taken[refusedBy]!;
    }

    private sealed class Leases(RateLimitLease[] leases) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }
}
