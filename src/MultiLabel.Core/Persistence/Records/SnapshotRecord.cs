using System.Text.Json.Serialization;
using MultiLabel.Training;

namespace MultiLabel.Persistence.Records;

/// <summary>
/// <c>checkpoint.json</c> inside <c>last.ckpt</c>: a <see cref="TrainingSnapshot"/> without its binary parts (network,
/// optimiser and generator states are entries of their own), every field named explicitly.
/// </summary>
public sealed record SnapshotRecord
{
    /// <summary>Identifies the run's recipe and data.</summary>
    [JsonPropertyName("fingerprint")] public required string Fingerprint { get; init; }

    /// <summary>The recipe.</summary>
    [JsonPropertyName("options")] public required RecipeRecord Recipe { get; init; }

    /// <summary>The 1-based epoch in progress.</summary>
    [JsonPropertyName("epoch")] public required int Epoch { get; init; }

    /// <summary>Training steps of that epoch already done.</summary>
    [JsonPropertyName("step")] public required int Step { get; init; }

    /// <summary>The order of training images in the epoch in progress.</summary>
    [JsonPropertyName("epoch_order")] public required int[] EpochOrder { get; init; }

    /// <summary>State of the run's random source.</summary>
    [JsonPropertyName("random_state")] public required ulong[] RandomState { get; init; }

    /// <summary>Product of learning-rate reductions applied so far.</summary>
    [JsonPropertyName("learning_rate_scale")] public required double LearningRateScale { get; init; }

    /// <summary>Sum of batch losses × batch sizes in the epoch in progress.</summary>
    [JsonPropertyName("partial_loss_sum")] public required double PartialLossSum { get; init; }

    /// <summary>Correct label decisions so far in the epoch in progress.</summary>
    [JsonPropertyName("partial_correct")] public required long PartialCorrect { get; init; }

    /// <summary>Images seen so far in the epoch in progress.</summary>
    [JsonPropertyName("partial_images")] public required long PartialImages { get; init; }

    /// <summary>Seconds of training so far in the epoch in progress.</summary>
    [JsonPropertyName("partial_seconds")] public required double PartialSeconds { get; init; }

    /// <summary>Finished epochs.</summary>
    [JsonPropertyName("history")] public required IReadOnlyList<EpochRecord> History { get; init; }

    /// <summary>The record of <paramref name="s"/>, binary parts left out.</summary>
    public static SnapshotRecord From(TrainingSnapshot s) => new()
    {
        Fingerprint = s.Fingerprint, Recipe = RecipeRecord.From(s.Options), Epoch = s.Epoch, Step = s.Step, EpochOrder = s.EpochOrder,
        RandomState = s.RandomState, LearningRateScale = s.LearningRateScale, PartialLossSum = s.PartialLossSum,
        PartialCorrect = s.PartialCorrect, PartialImages = s.PartialImages, PartialSeconds = s.PartialSeconds, History = s.History,
    };

    /// <summary>The snapshot, with its binary parts given.</summary>
    public TrainingSnapshot ToSnapshot(byte[] model, byte[] optimizer, byte[] torchRandom) => new()
    {
        Fingerprint = Fingerprint, Options = Recipe.ToOptions(), Epoch = Epoch, Step = Step, EpochOrder = EpochOrder, RandomState = RandomState,
        TorchRandomState = torchRandom, ModelState = model, OptimizerState = optimizer, LearningRateScale = LearningRateScale,
        PartialLossSum = PartialLossSum, PartialCorrect = PartialCorrect, PartialImages = PartialImages, PartialSeconds = PartialSeconds, History = History,
    };
}
