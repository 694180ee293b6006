using MultiLabel.Native;

namespace MultiLabel.Training.Callbacks;

/// <summary>
/// Lets a <see cref="ThreadGovernor"/> fit libtorch's thread count to the cores other processes leave free, between
/// training steps (on the thread that trains), and says so when it changes the count.
/// </summary>
public sealed class AdaptiveThreads(ThreadGovernor governor, IProgress<string>? messages = null) : ICallback
{
    /// <inheritdoc/>
    public void OnBatchEnd(FitContext context, BatchRecord batch)
    {
        if (!governor.Update()) return;
        messages?.Report(governor.Threads < governor.MaxThreads
            ? $"other processes are using {governor.OthersCores:0.0} of {Environment.ProcessorCount} cores: training on {governor.Threads} {(governor.Threads == 1 ? "thread" : "threads")} until they are done"
            : $"the cores are free again: training on {governor.Threads} threads");
    }
}
