using System.Text.Json.Serialization;
using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Training;

namespace MultiLabel.Persistence.Records;

/// <summary>
/// The recipe of a run as files store it (the <c>training</c> object of a bundle manifest, the recipe in
/// <c>last.ckpt</c>): every field named explicitly, so renaming a property of <see cref="TrainingOptions"/> never
/// changes a file. The names are those bundle format 1 has always used; fields a file lacks take the value of
/// <see cref="TrainingOptions.Default"/>, and fields it has that this build does not know (older files stored
/// <c>threads</c>, <c>device</c> and <c>validation_data</c> here) are ignored.
/// </summary>
public sealed record RecipeRecord
{
    /// <summary>Registry name of the network.</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }

    /// <summary>Input side length in pixels.</summary>
    [JsonPropertyName("image_size")] public int? ImageSize { get; init; }

    /// <summary>Epochs of the run.</summary>
    [JsonPropertyName("epochs")] public int? Epochs { get; init; }

    /// <summary>Images per step.</summary>
    [JsonPropertyName("batch_size")] public int? BatchSize { get; init; }

    /// <summary><c>adam</c>, <c>adam_w</c> or <c>sgd</c>.</summary>
    [JsonPropertyName("optimizer")] public string? Optimizer { get; init; }

    /// <summary>Peak learning rate of the backbone.</summary>
    [JsonPropertyName("learning_rate")] public double? LearningRate { get; init; }

    /// <summary>Peak learning rate of the head, null when the backbone's is used.</summary>
    [JsonPropertyName("head_learning_rate")] public double? HeadLearningRate { get; init; }

    /// <summary>Weight decay.</summary>
    [JsonPropertyName("weight_decay")] public double? WeightDecay { get; init; }

    /// <summary><c>constant</c> or <c>one_cycle</c>.</summary>
    [JsonPropertyName("schedule")] public string? Schedule { get; init; }

    /// <summary>ReduceLROnPlateau settings, null when off.</summary>
    [JsonPropertyName("plateau")] public PlateauRecord? Plateau { get; init; }

    /// <summary>Epochs with a frozen backbone.</summary>
    [JsonPropertyName("freeze_backbone_epochs")] public int? FreezeBackboneEpochs { get; init; }

    /// <summary>Early stopping patience, null when off.</summary>
    [JsonPropertyName("early_stopping_patience")] public int? EarlyStoppingPatience { get; init; }

    /// <summary><c>loss</c>, <c>binary_accuracy</c>, <c>exact_match</c>, <c>macro_f1</c> or <c>mean_average_precision</c>.</summary>
    [JsonPropertyName("monitor")] public string? Monitor { get; init; }

    /// <summary>The run's seed.</summary>
    [JsonPropertyName("seed")] public int? Seed { get; init; }

    /// <summary>Share of images held out for validation.</summary>
    [JsonPropertyName("validation_fraction")] public double? ValidationFraction { get; init; }

    /// <summary><c>stratified</c> or <c>random</c>.</summary>
    [JsonPropertyName("split")] public string? Split { get; init; }

    /// <summary>Training-time augmentation.</summary>
    [JsonPropertyName("augmentation")] public AugmentationRecord? Augmentation { get; init; }

    /// <summary>The normalisation asked for, null for the model's own.</summary>
    [JsonPropertyName("normalization")] public Normalization? Normalization { get; init; }

    /// <summary><c>bce</c>, <c>asl</c> or <c>focal</c>; a file without it was trained with <c>bce</c>, the only loss before this field.</summary>
    [JsonPropertyName("loss")] public string? Loss { get; init; }

    /// <summary><c>none</c> or <c>auto</c>; a file without it weighted no positives.</summary>
    [JsonPropertyName("pos_weight")] public string? PositiveWeight { get; init; }

    /// <summary>Whether thresholds were tuned on the validation images.</summary>
    [JsonPropertyName("tune_thresholds")] public bool? TuneThresholds { get; init; }

    /// <summary>The record of <paramref name="options"/>.</summary>
    public static RecipeRecord From(TrainingOptions options) => new()
    {
        Model = options.Model,
        ImageSize = options.ImageSize,
        Epochs = options.Epochs,
        BatchSize = options.BatchSize,
        Optimizer = Names.Of(options.Optimizer),
        LearningRate = options.LearningRate,
        HeadLearningRate = options.HeadLearningRate,
        WeightDecay = options.WeightDecay,
        Schedule = Names.Of(options.Schedule),
        Plateau = options.Plateau is { } p ? PlateauRecord.From(p) : null,
        FreezeBackboneEpochs = options.FreezeBackboneEpochs,
        EarlyStoppingPatience = options.EarlyStoppingPatience,
        Monitor = Names.Of(options.Monitor),
        Seed = options.Seed,
        ValidationFraction = options.ValidationFraction,
        Split = Names.Of(options.Split),
        Augmentation = AugmentationRecord.From(options.Augmentation),
        Normalization = options.Normalization,
        Loss = Names.Of(options.Loss),
        PositiveWeight = Names.Of(options.PositiveWeight),
        TuneThresholds = options.TuneThresholds,
    };

    /// <summary>The recipe this record describes; a field it lacks takes the default recipe's value.</summary>
    /// <exception cref="InvalidDataException">A field holds a name this build does not know.</exception>
    public TrainingOptions ToOptions()
    {
        var d = TrainingOptions.Default;
        // Null-valued fields that mean "off" (plateau, head rate, patience, normalisation) are kept as stored.
        return d with
        {
            Model = Model ?? d.Model,
            ImageSize = ImageSize ?? d.ImageSize,
            Epochs = Epochs ?? d.Epochs,
            BatchSize = BatchSize ?? d.BatchSize,
            Optimizer = Optimizer is null ? d.Optimizer : Names.Parse<OptimizerKind>(Optimizer, "optimizer"),
            LearningRate = LearningRate ?? d.LearningRate,
            HeadLearningRate = HeadLearningRate,
            WeightDecay = WeightDecay ?? d.WeightDecay,
            Schedule = Schedule is null ? d.Schedule : Names.Parse<LearningRateSchedule>(Schedule, "schedule"),
            Plateau = Plateau?.ToOptions(),
            FreezeBackboneEpochs = FreezeBackboneEpochs ?? d.FreezeBackboneEpochs,
            EarlyStoppingPatience = EarlyStoppingPatience,
            Monitor = Monitor is null ? d.Monitor : Names.Parse<MonitorMetric>(Monitor, "monitor"),
            Seed = Seed ?? d.Seed,
            ValidationFraction = ValidationFraction ?? d.ValidationFraction,
            Split = Split is null ? d.Split : Names.Parse<SplitMethod>(Split, "split"),
            Augmentation = Augmentation?.ToOptions() ?? d.Augmentation,
            Normalization = Normalization,
            // Absent means what every run wrote before these fields existed, whatever today's default is.
            Loss = Loss is null ? LossKind.Bce : Names.Parse<LossKind>(Loss, "loss"),
            PositiveWeight = PositiveWeight is null ? PositiveWeighting.None : Names.Parse<PositiveWeighting>(PositiveWeight, "pos_weight"),
            TuneThresholds = TuneThresholds ?? d.TuneThresholds,
        };
    }
}
