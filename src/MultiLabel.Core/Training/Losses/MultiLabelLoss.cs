using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Training.Losses;

/// <summary>
/// The loss of <see cref="LossKind"/> over logits <c>[N, labels]</c> and 0/1 targets, optionally with a weight per
/// label on the positive term (<see cref="PositiveWeights"/>). Every form is computed from log-sigmoids of the logits,
/// so saturated outputs give finite losses and gradients; the mean and sum of bce use libtorch's fused kernel, which
/// computes the same values in one pass.
/// </summary>
public sealed class MultiLabelLoss : IDisposable
{
    /// <summary>Focusing exponent on the negatives of <see cref="LossKind.Asl"/> (γ−).</summary>
    public const double AslGammaNegative = 4;

    /// <summary>Probability shift of <see cref="LossKind.Asl"/>'s negatives (m): a negative scoring at most this costs nothing.</summary>
    public const double AslClip = 0.05;

    /// <summary>Focusing exponent of <see cref="LossKind.Focal"/> (γ).</summary>
    public const double FocalGamma = 2;

    private const double LogFloor = 1e-8;
    private readonly Tensor? positiveWeights;

    /// <summary>A loss of <paramref name="kind"/>; <paramref name="positiveWeights"/> (one per label) scale the positive term, on <paramref name="device"/>.</summary>
    public MultiLabelLoss(LossKind kind, IReadOnlyList<float>? positiveWeights = null, Device? device = null)
    {
        Kind = kind;
        PositiveWeights = positiveWeights?.ToArray();
        if (PositiveWeights != null) this.positiveWeights = tensor(PositiveWeights, device: device ?? CPU);
    }

    /// <summary>The objective.</summary>
    public LossKind Kind { get; }

    /// <summary>The weight of each label's positive term, null when every term counts once.</summary>
    public float[]? PositiveWeights { get; }

    /// <summary>The mean loss over every image and label.</summary>
    public Tensor Mean(Tensor logits, Tensor targets) => Kind == LossKind.Bce
        ? nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.Mean, pos_weights: positiveWeights)
        : Elementwise(logits, targets).mean();

    /// <summary>The summed loss over every image and label.</summary>
    public Tensor Sum(Tensor logits, Tensor targets) => Kind == LossKind.Bce
        ? nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.Sum, pos_weights: positiveWeights)
        : Elementwise(logits, targets).sum();

    /// <summary>The loss of each image and label, <c>[N, labels]</c>.</summary>
    public Tensor Elementwise(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var logP = nn.functional.logsigmoid(logits);            // log p
        var logNotP = nn.functional.logsigmoid(logits.neg());   // log (1 − p)
        Tensor positive, negative;
        switch (Kind)
        {
            case LossKind.Bce:
                positive = logP.neg();
                negative = logNotP.neg();
                break;
            case LossKind.Focal:
                var p = logits.sigmoid();
                positive = (1 - p).pow(FocalGamma).mul(logP).neg();
                negative = p.pow(FocalGamma).mul(logNotP).neg();
                break;
            case LossKind.Asl:
                // γ+ = 0: positives are plain cross-entropy. Negatives use the shifted probability pₘ = max(p − m, 0).
                positive = logP.neg();
                var shifted = (logits.sigmoid() - AslClip).clamp_min(0);
                negative = shifted.pow(AslGammaNegative).mul((1 - shifted).clamp_min(LogFloor).log()).neg();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown loss.");
        }
        if (positiveWeights is not null) positive = positive.mul(positiveWeights);
        return (targets * positive + (1 - targets) * negative).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose() => positiveWeights?.Dispose();
}
