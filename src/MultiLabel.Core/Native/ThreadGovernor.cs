using System.Diagnostics;
using TorchSharp;

namespace MultiLabel.Native;

/// <summary>
/// Fits libtorch's thread count to the cores other processes leave free, between training steps. On a 2-core machine
/// with one other busy process, two OpenMP workers on two contended cores wait on each other at every parallel region
/// (one runs while its partner is descheduled) and a step takes about three times as long as idle — worse than the half
/// speed a fair share would give; one worker alone runs at about half of idle speed. Every <see cref="Interval"/> the
/// governor reads what other processes used (<see cref="CpuShare"/>) and sets the threads to the cores left, rounded,
/// between one and the most asked for; a change needs two readings in a row that agree, so a short burst of other work
/// does not flip it. It must be called on the thread that runs the network (OpenMP's thread count is per thread).
/// </summary>
public sealed class ThreadGovernor
{
    /// <summary>Time between two readings of the counters.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly CpuShare? meter;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastReading;
    private int pending;

    /// <summary>A governor allowing at most <paramref name="maxThreads"/> threads (0: every core); inert where the counters cannot be read.</summary>
    public ThreadGovernor(int maxThreads)
    {
        MaxThreads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        meter = MaxThreads > 1 ? CpuShare.TryCreate() : null;
        Threads = MaxThreads;
        meter?.OthersSinceLast();
    }

    /// <summary>The most threads it gives libtorch.</summary>
    public int MaxThreads { get; }

    /// <summary>The thread count it last set.</summary>
    public int Threads { get; private set; }

    /// <summary>False where it cannot measure (not Linux, a CPU quota or affinity mask, one thread asked for): then it never changes anything.</summary>
    public bool Active => meter != null;

    /// <summary>Cores other processes used in the last reading.</summary>
    public double? OthersCores { get; private set; }

    /// <summary>Reads the counters when <see cref="Interval"/> has passed and changes the thread count when two readings agree; returns true on a change.</summary>
    public bool Update()
    {
        if (meter is null || clock.Elapsed - lastReading < Interval) return false;
        lastReading = clock.Elapsed;
        if (meter.OthersSinceLast() is not { } others) return false;
        OthersCores = others;
        int wanted = Target(others, meter.Cpus, MaxThreads);
        if (wanted == Threads)
        {
            pending = 0;
            return false;
        }
        if (pending != wanted)
        {
            pending = wanted;
            return false;
        }
        pending = 0;
        Threads = wanted;
        torch.set_num_threads(wanted);
        return true;
    }

    /// <summary>
    /// The threads for <paramref name="others"/> cores used by other processes on <paramref name="cpus"/> cores, 1 to
    /// <paramref name="max"/>: the free cores rounded up from 0.4. One CPU-bound process beside two spinning workers gets
    /// about two thirds of a core (three runnable threads share two cores), so it reads as 0.6–0.7 and leaves one thread;
    /// background work of up to 0.6 of a core keeps two.
    /// </summary>
    internal static int Target(double others, int cpus, int max) => Math.Clamp((int)Math.Floor(cpus - others + 0.6), 1, max);
}
