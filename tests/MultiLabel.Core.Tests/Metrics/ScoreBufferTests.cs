using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ScoreBufferTests
{
    [Fact]
    public void Keeps_rows_from_every_batch_and_reads_columns()
    {
        var buffer = new ScoreBuffer(WorkedExample.LabelCount);

        WorkedExample.UpdateInBatches((p, t) => buffer.Add(p, t));

        Assert.Equal(4, buffer.ImageCount);
        Assert.Equal(WorkedExample.Probabilities, buffer.Probabilities.ToArray());
        Assert.Equal([0.2f, 0.7f, 0.3f, 0.6f], buffer.ScoresOf(1));
        Assert.Equal([1f, 0f, 0f, 0f], buffer.TargetsOf(2));
    }

    [Fact]
    public void Clear_forgets_and_bad_shapes_are_rejected()
    {
        var buffer = new ScoreBuffer(2);
        buffer.Add([0.1f, 0.2f], [0, 1]);

        buffer.Clear();

        Assert.Equal(0, buffer.ImageCount);
        Assert.Throws<ArgumentException>(() => buffer.Add([0.1f, 0.2f, 0.3f], [0, 1, 0]));
        Assert.Equal(0, buffer.ImageCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.ScoresOf(2));
    }
}
