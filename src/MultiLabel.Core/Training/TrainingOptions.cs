using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;

namespace MultiLabel.Training;

/// <summary>
/// The recipe of a training run: what is trained, on what input, how long and how. Presets: <see cref="Default"/>
/// and <see cref="Original"/>. Where the data lives and what the run may use of the machine (threads, device,
/// cache) are not part of the recipe: see <c>MultiLabel.Runs.TrainingRunOptions</c>.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Registry name of the network (see <see cref="ModelRegistry"/>).</summary>
    public string Model { get; init; } = "resnet18-imagenet";

    /// <summary>
    /// Side length of the square input, in pixels; null lets the run choose from the data (128 px for images up to
    /// 256 px, 224 px for larger photos: see <c>MultiLabel.Data.InputSizeChoice</c>) and record the choice.
    /// </summary>
    public int? ImageSize { get; init; }

    /// <summary>The input side length; only defined once <see cref="ImageSize"/> is set (a run sets it before training).</summary>
    public int InputSize => ImageSize ?? throw new InvalidOperationException("The image size is chosen from the data when a run starts; set ImageSize to train outside a run.");

    /// <summary>Number of passes over the training images.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Images per optimisation step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>Peak learning rate of the backbone (of the whole network when <see cref="HeadLearningRate"/> is null).</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Peak learning rate of the head; null uses <see cref="LearningRate"/>.</summary>
    public double? HeadLearningRate { get; init; } = 3e-3;

    /// <summary>Weight decay (decoupled for AdamW, L2 for Adam and SGD).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>The learning-rate schedule.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.OneCycle;

    /// <summary>ReduceLROnPlateau settings; null turns it off. Only used with the constant schedule.</summary>
    public PlateauOptions? Plateau { get; init; }

    /// <summary>Epochs during which the backbone is frozen and only the head learns.</summary>
    public int FreezeBackboneEpochs { get; init; }

    /// <summary>Early stopping patience in epochs; null turns it off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>The validation quantity the best checkpoint, plateau and early stopping watch.</summary>
    public MonitorMetric Monitor { get; init; } = MonitorMetric.Loss;

    /// <summary>Seed of the split, the weight initialisation, the shuffles and the augmentation draws.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fraction of images held out for validation.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>How validation images are chosen.</summary>
    public SplitMethod Split { get; init; } = SplitMethod.Stratified;

    /// <summary>Training-time augmentation.</summary>
    public AugmentationOptions Augmentation { get; init; } = AugmentationOptions.Original;

    /// <summary>Pixel normalisation; null uses the model's own.</summary>
    public Normalization? Normalization { get; init; }

    /// <summary>The training objective (see <see cref="LossKind"/>).</summary>
    public LossKind Loss { get; init; } = LossKind.Bce;

    /// <summary>Whether each label's positives are weighted by its negatives ÷ positives in the training images.</summary>
    public PositiveWeighting PositiveWeight { get; init; } = PositiveWeighting.None;

    /// <summary>Choose a threshold per label on the validation images after training.</summary>
    public bool TuneThresholds { get; init; } = true;

    /// <summary>The recommended recipe: ImageNet ResNet18 fine-tuned with AdamW and one cycle, at 128 px (224 px for large photos).</summary>
    public static TrainingOptions Default { get; } = new();

    /// <summary>
    /// The source recipe: ResNet50 from scratch, 224×224, Adam 1e-3, batch 16, 150 epochs, a seeded
    /// 80/20 random split, pixels scaled to [0,1], Keras-style augmentation, best checkpoint on
    /// validation loss, ReduceLROnPlateau, no early stopping.
    /// </summary>
    public static TrainingOptions Original { get; } = new()
    {
        Model = "resnet50",
        ImageSize = 224,
        Epochs = 150,
        BatchSize = 16,
        Optimizer = OptimizerKind.Adam,
        LearningRate = 1e-3,
        HeadLearningRate = null,
        WeightDecay = 0,
        Schedule = LearningRateSchedule.Constant,
        Plateau = new PlateauOptions(),
        Split = SplitMethod.Random,
        ValidationFraction = 0.2,
        Seed = 42,
        Normalization = Models.Normalization.UnitRange,
        Augmentation = AugmentationOptions.Original,
        Monitor = MonitorMetric.Loss,
        EarlyStoppingPatience = null,
        Loss = LossKind.Bce,
        PositiveWeight = PositiveWeighting.None,
    };

    /// <summary>The normalisation this run feeds the model.</summary>
    public Normalization ResolveNormalization() => Normalization ?? ModelRegistry.Get(Model).Normalization;

    /// <summary>Throws a <see cref="SettingException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!ModelRegistry.TryGet(Model, out _))
            throw new SettingException(nameof(Model), $"Model '{Model}' is not a known network. Known models: {ModelRegistry.Names}.");
        if (ImageSize is < 16 or > 1024)
            throw new SettingException(nameof(ImageSize), $"ImageSize {ImageSize} is out of range; use 16 to 1024 pixels.");
        if (Epochs < 1) throw new SettingException(nameof(Epochs), $"Epochs {Epochs} must be at least 1.");
        if (BatchSize < 1) throw new SettingException(nameof(BatchSize), $"BatchSize {BatchSize} must be at least 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new SettingException(nameof(LearningRate), $"LearningRate {LearningRate} must be a positive number.");
        if (HeadLearningRate is { } head && (!(head > 0) || double.IsInfinity(head)))
            throw new SettingException(nameof(HeadLearningRate), $"HeadLearningRate {head} must be a positive number.");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
            throw new SettingException(nameof(WeightDecay), $"WeightDecay {WeightDecay} must be zero or a positive number.");
        if (FreezeBackboneEpochs < 0)
            throw new SettingException(nameof(FreezeBackboneEpochs), $"FreezeBackboneEpochs {FreezeBackboneEpochs} must not be negative.");
        if (EarlyStoppingPatience is < 1)
            throw new SettingException(nameof(EarlyStoppingPatience), $"EarlyStoppingPatience {EarlyStoppingPatience} must be at least 1 epoch.");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new SettingException(nameof(ValidationFraction), $"ValidationFraction {ValidationFraction} must lie strictly between 0 and 1.");
        Plateau?.Validate();
    }
}
