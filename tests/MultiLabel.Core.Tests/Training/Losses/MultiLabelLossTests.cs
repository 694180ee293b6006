using MultiLabel.Training;
using MultiLabel.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Tests.Training.Losses;

public class MultiLabelLossTests
{
    private static readonly float[] Logits = [-6f, -2.5f, -0.3f, 0f, 0.7f, 3f, 9f, -40f];
    private static readonly float[] Targets = [0f, 1f, 0f, 1f, 0f, 1f, 1f, 0f];

    private static float[] Elementwise(LossKind kind, float[]? weights = null)
    {
        using var loss = new MultiLabelLoss(kind, weights);
        using var logits = tensor(Logits).reshape(2, 4);
        using var targets = tensor(Targets).reshape(2, 4);
        using var values = loss.Elementwise(logits, targets);
        return values.data<float>().ToArray();
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Bce_is_torchs_binary_cross_entropy_with_and_without_positive_weights()
    {
        float[] weights = [1f, 3f, 2f, 10f];
        using var logits = tensor(Logits).reshape(2, 4);
        using var targets = tensor(Targets).reshape(2, 4);
        using var expected = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);
        using var expectedWeighted = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None, pos_weights: tensor(weights));

        Assert.Equal(expected.data<float>().ToArray(), Elementwise(LossKind.Bce), new FloatTolerance(1e-5f));
        Assert.Equal(expectedWeighted.data<float>().ToArray(), Elementwise(LossKind.Bce, weights), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Asl_forgives_easy_negatives_and_keeps_positives_as_cross_entropy()
    {
        var values = Elementwise(LossKind.Asl);

        for (int i = 0; i < Logits.Length; i++)
        {
            double p = Sigmoid(Logits[i]);
            double expected = Targets[i] == 1
                ? -Math.Log(p)
                : -Math.Pow(Math.Max(p - 0.05, 0), 4) * Math.Log(1 - Math.Max(p - 0.05, 0));
            Assert.Equal(expected, values[i], 4);
        }
        Assert.Equal(0f, values[0]); // p = 0.0025 ≤ 0.05: no cost at all
        Assert.True(values[4] < Elementwise(LossKind.Bce)[4] / 5, "a hard negative still costs far less than in cross-entropy");
    }

    [Fact]
    public void Focal_down_weights_well_classified_targets_on_both_sides()
    {
        var focal = Elementwise(LossKind.Focal);
        var bce = Elementwise(LossKind.Bce);

        for (int i = 0; i < Logits.Length; i++)
        {
            double p = Sigmoid(Logits[i]);
            double expected = Targets[i] == 1 ? -Math.Pow(1 - p, 2) * Math.Log(p) : -Math.Pow(p, 2) * Math.Log(1 - p);
            Assert.Equal(expected, focal[i], 4);
        }
        Assert.True(focal[6] < bce[6] / 1000, "a confident right positive costs almost nothing");
    }

    [Fact]
    public void Saturated_logits_give_finite_losses_and_gradients()
    {
        foreach (var kind in Enum.GetValues<LossKind>())
        {
            using var loss = new MultiLabelLoss(kind, [2f, 2f]);
            using var logits = tensor(new float[] { -200f, 200f, 200f, -200f }, requires_grad: true);
            using var targets = tensor(new float[] { 1f, 0f, 1f, 0f });
            using var value = loss.Mean(logits.reshape(2, 2), targets.reshape(2, 2));
            value.backward();

            Assert.True(float.IsFinite(value.item<float>()), $"{kind} loss");
            Assert.All(logits.grad!.data<float>().ToArray(), g => Assert.True(float.IsFinite(g), $"{kind} gradient"));
        }
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
