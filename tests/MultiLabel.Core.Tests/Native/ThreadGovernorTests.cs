using MultiLabel.Native;

namespace MultiLabel.Tests.Native;

public class ThreadGovernorTests
{
    [Theory]
    [InlineData(0.0, 2, 2, 2)]
    [InlineData(0.3, 2, 2, 2)]  // light background work keeps both workers
    [InlineData(0.67, 2, 2, 1)] // one CPU-bound process beside two spinning workers
    [InlineData(1.0, 2, 2, 1)]
    [InlineData(2.0, 2, 2, 1)]  // never fewer than one
    [InlineData(1.0, 8, 8, 7)]
    [InlineData(0.0, 8, 4, 4)]  // never more than asked for
    public void Leaves_the_cores_other_processes_use(double others, int cpus, int max, int threads) =>
        Assert.Equal(threads, ThreadGovernor.Target(others, cpus, max));

    [Fact]
    public void With_one_thread_asked_for_it_never_measures_or_changes_anything()
    {
        var governor = new ThreadGovernor(1);

        Assert.False(governor.Active);
        Assert.False(governor.Update());
        Assert.Equal(1, governor.Threads);
    }
}
