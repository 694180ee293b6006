using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ThresholdTunerTests
{
    [Fact]
    public void Picks_the_cut_that_separates_each_label()
    {
        // Label 0: positives 0.30–0.40, negatives 0.05–0.22 → only cuts in (0.22, 0.30] reach F1 1; the
        //          candidate there is the score 0.30 (0.5 would predict nothing: F1 0).
        // Label 1: positives 0.85–0.95, negatives 0.60–0.82 → the best cut is the score 0.85.
        float[] label0 = [0.30f, 0.35f, 0.40f, 0.32f, 0.38f, 0.10f, 0.05f, 0.20f, 0.15f, 0.22f];
        float[] label1 = [0.90f, 0.95f, 0.85f, 0.92f, 0.88f, 0.80f, 0.70f, 0.75f, 0.60f, 0.82f];
        float[] target = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];

        float[] thresholds = ThresholdTuner.Choose(Interleave(label0, label1), Interleave(target, target), labelCount: 2);

        Assert.Equal([0.30f, 0.85f], thresholds);
    }

    [Fact]
    public void Keeps_one_half_when_it_is_as_good_as_any_cut()
    {
        // Positives 0.7–0.9, negatives 0.1–0.3: every cut in (0.3, 0.7] is perfect, 0.5 among them.
        float threshold = ThresholdTuner.ChooseForLabel(
            [0.7f, 0.8f, 0.9f, 0.75f, 0.85f, 0.1f, 0.2f, 0.3f], [1, 1, 1, 1, 1, 0, 0, 0]);

        Assert.Equal(0.5f, threshold);
    }

    [Fact]
    public void Breaks_ties_toward_the_cut_closest_to_one_half()
    {
        // Ranks (+, −, −, +): the cut under the first image gives TP 1, FP 0, FN 1 → 2/3; the cut under the
        // fourth TP 2, FP 2 → 4/6, the same. Below 0.5 the upper cut (0.4) is closer to 0.5 (0.5 itself
        // predicts nothing: F1 0); above it the lower cut (0.6) is, and 0.5 also takes in the negative
        // 0.55 (TP 2, FP 3 → 4/7).
        Assert.Equal(0.4f, ThresholdTuner.ChooseForLabel([0.4f, 0.3f, 0.2f, 0.1f], [1, 0, 0, 1], minPositives: 1));
        Assert.Equal(0.6f, ThresholdTuner.ChooseForLabel([0.9f, 0.8f, 0.7f, 0.6f, 0.55f], [1, 0, 0, 1, 0], minPositives: 1));
    }

    [Fact]
    public void Falls_back_to_one_half_for_labels_with_too_few_positives()
    {
        // 4 positives < 5, perfectly separable at 0.3 all the same; and a label with no positives at all.
        float[] scores = [0.3f, 0.35f, 0.4f, 0.32f, 0.1f, 0.05f];
        float[] targets = [1, 1, 1, 1, 0, 0];

        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, targets));
        Assert.Equal(0.3f, ThresholdTuner.ChooseForLabel(scores, targets, minPositives: 4));
        Assert.Equal(0.5f, ThresholdTuner.ChooseForLabel(scores, new float[6], minPositives: 0));
    }

    [Fact]
    public void Rejects_batches_that_are_not_whole_rows()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Choose(new float[5], new float[5], labelCount: 2));
    }

    private static float[] Interleave(float[] first, float[] second) =>
        first.Zip(second).SelectMany(p => new[] { p.First, p.Second }).ToArray();
}
