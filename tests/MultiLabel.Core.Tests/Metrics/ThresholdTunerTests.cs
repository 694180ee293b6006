using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ThresholdTunerTests
{
    private static readonly ThresholdTuning NoShrinkage = new() { Shrinkage = 0 };

    /// <summary><paramref name="count"/> scores evenly spread over [low, high].</summary>
    private static float[] Spread(int count, double low, double high) =>
        Enumerable.Range(0, count).Select(i => (float)(low + (high - low) * i / Math.Max(1, count - 1))).ToArray();

    private static (float[] Scores, float[] Targets) Label(float[] positives, float[] negatives) =>
        ([.. positives, .. negatives], [.. positives.Select(_ => 1f), .. negatives.Select(_ => 0f)]);

    [Fact]
    public void A_cut_that_wins_on_every_fold_is_taken_from_the_grid()
    {
        // Positives 0.30–0.40, negatives 0.05–0.22: 0.5 predicts nothing (F1 0); every fold finds 0.30.
        var (scores, targets) = Label(Spread(20, 0.30, 0.40), Spread(40, 0.05, 0.22));

        Assert.Equal(0.30f, ThresholdTuner.ChooseForLabel(scores, targets, NoShrinkage), 4);
    }

    [Fact]
    public void The_cut_is_pulled_toward_one_half_by_the_labels_support()
    {
        var (scores, targets) = Label(Spread(20, 0.30, 0.40), Spread(40, 0.05, 0.22));

        float shrunk = ThresholdTuner.ChooseForLabel(scores, targets, new ThresholdTuning { Shrinkage = 5 });

        Assert.Equal(0.5 + (0.30 - 0.5) * 20 / 25.0, shrunk, 4);
    }

    [Fact]
    public void One_half_stays_when_it_is_as_good_as_any_cut()
    {
        var (scores, targets) = Label(Spread(10, 0.7, 0.9), Spread(10, 0.1, 0.3));

        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, targets));
    }

    [Fact]
    public void A_cut_that_only_fits_the_noise_of_a_few_images_keeps_one_half()
    {
        // Scores carry no information about the label: the best in-sample cut is luck, and out of fold it does not
        // beat 0.5 without adding errors.
        var random = new Random(3);
        float[] scores = Enumerable.Range(0, 60).Select(_ => (float)random.NextDouble() * 0.6f).ToArray();
        float[] targets = Enumerable.Range(0, 60).Select(i => i % 6 == 0 ? 1f : 0f).ToArray();

        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, targets));
    }

    [Fact]
    public void Labels_with_too_few_positives_keep_one_half()
    {
        var (scores, targets) = Label([0.3f, 0.35f, 0.4f, 0.32f], [0.1f, 0.05f]);

        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, targets));
        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, new float[6]));
    }

    [Fact]
    public void Every_label_gets_its_own_threshold()
    {
        var (a, targetsA) = Label(Spread(20, 0.30, 0.40), Spread(40, 0.05, 0.22));
        var (b, targetsB) = Label(Spread(20, 0.7, 0.9), Spread(40, 0.1, 0.3));

        float[] thresholds = ThresholdTuner.Choose(Interleave(a, b), Interleave(targetsA, targetsB), labelCount: 2, NoShrinkage);

        Assert.Equal([0.30f, 0.5f], thresholds);
    }

    [Fact]
    public void Rejects_batches_that_are_not_whole_rows()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Choose(new float[5], new float[5], labelCount: 2));
    }

    private static float[] Interleave(float[] first, float[] second) =>
        first.Zip(second).SelectMany(p => new[] { p.First, p.Second }).ToArray();
}
