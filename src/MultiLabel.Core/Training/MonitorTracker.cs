using MultiLabel.Metrics;

namespace MultiLabel.Training;

/// <summary>
/// Decides, once for every callback, whether a new value of a watched metric improves on the best
/// seen so far (Keras' <c>MonitorCallback</c>). NaN never improves.
/// </summary>
public sealed class MonitorTracker(MetricDirection direction, double minDelta = 0)
{
    /// <summary>The best value so far, or null before the first.</summary>
    public double? Best { get; private set; }

    /// <summary>Epochs observed since the last improvement.</summary>
    public int SinceImprovement { get; private set; }

    /// <summary>Records <paramref name="value"/>; returns true when it is an improvement.</summary>
    public bool Observe(double value)
    {
        bool better = !double.IsNaN(value) && (Best is not { } best ||
            (direction == MetricDirection.Minimize ? value < best - minDelta : value > best + minDelta));
        if (better)
        {
            Best = value;
            SinceImprovement = 0;
        }
        else
        {
            SinceImprovement++;
        }
        return better;
    }

    /// <summary>Starts counting epochs without improvement afresh (after the learning rate was lowered).</summary>
    public void ResetWait() => SinceImprovement = 0;
}
