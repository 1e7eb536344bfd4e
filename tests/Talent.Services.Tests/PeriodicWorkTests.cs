using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Talent.Services.Tests;

public sealed class PeriodicWorkTests
{
    [Fact]
    public async Task Work_stopped_during_a_pass_ends_quietly_so_the_host_does_not_take_it_for_a_failure()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = new PassUntilStopped();
        await work.StartAsync(ct);
        await work.PassStarted.WaitAsync(TimeSpan.FromSeconds(30), ct);

        // As the feedback figures test stops its sweep: this work alone, while its first pass waits on the database.
        await work.StopAsync(ct);

        // Canceled or faulted, the host would log a failed background service and stop the whole application.
        Assert.True(work.ExecuteTask!.IsCompletedSuccessfully, $"the work ended {work.ExecuteTask.Status}");
    }

    private sealed class PassUntilStopped() : PeriodicWork(TimeProvider.System, NullLogger.Instance)
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PassStarted => _started.Task;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
