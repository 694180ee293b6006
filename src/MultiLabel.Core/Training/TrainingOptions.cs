using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;

namespace MultiLabel.Training;

/// <summary>The optimiser a run uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with L2 weight decay folded into the gradient (the original Keras recipe uses no decay).</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
    /// <summary>SGD with Nesterov momentum 0.9.</summary>
    Sgd,
}

/// <summary>How the learning rate moves during a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>Constant, lowered only by <see cref="PlateauOptions"/> when set.</summary>
    Constant,
    /// <summary>One cycle per run: warm up over the first 30% of steps to the peak rate, then cosine down (Smith 2018).</summary>
    OneCycle,
}

/// <summary>ReduceLROnPlateau: multiply the learning rate by <see cref="Factor"/> after <see cref="Patience"/> epochs without improvement.</summary>
public sealed record PlateauOptions
{
    /// <summary>Epochs without improvement before the rate is lowered.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Multiplier applied to the learning rate.</summary>
    public double Factor { get; init; } = 0.5;

    /// <summary>The rate is never lowered below this.</summary>
    public double MinLearningRate { get; init; } = 1e-6;
}

/// <summary>Everything that defines a training run. Presets: <see cref="Default"/> and <see cref="Original"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Registry name of the network (see <see cref="ModelRegistry"/>).</summary>
    public string Model { get; init; } = "resnet18-imagenet";

    /// <summary>Side length of the square input, in pixels.</summary>
    public int ImageSize { get; init; } = 128;

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

    /// <summary>A separate validation folder or label file; when set it replaces the split.</summary>
    public string? ValidationData { get; init; }

    /// <summary>Training-time augmentation.</summary>
    public AugmentationOptions Augmentation { get; init; } = AugmentationOptions.Original;

    /// <summary>Pixel normalisation; null uses the model's own.</summary>
    public Normalization? Normalization { get; init; }

    /// <summary>Choose a threshold per label on the validation images after training.</summary>
    public bool TuneThresholds { get; init; } = true;

    /// <summary>CPU threads for libtorch and decoding; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The recommended recipe: ImageNet ResNet18 fine-tuned at 128 px with AdamW and one cycle.</summary>
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
    };

    /// <summary>The normalisation this run feeds the model.</summary>
    public Normalization ResolveNormalization() => Normalization ?? ModelRegistry.Get(Model).Normalization;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        ModelRegistry.Get(Model);
        if (ImageSize < 16 || ImageSize > 1024) throw new ArgumentException($"--image-size {ImageSize} is out of range; use 16 to 1024 pixels.");
        if (Epochs < 1) throw new ArgumentException($"--epochs {Epochs} must be at least 1.");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size {BatchSize} must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentException($"--lr {LearningRate} must be positive.");
        if (HeadLearningRate is { } head && !(head > 0)) throw new ArgumentException($"--head-lr {head} must be positive.");
        if (WeightDecay < 0) throw new ArgumentException($"--weight-decay {WeightDecay} must not be negative.");
        if (FreezeBackboneEpochs < 0) throw new ArgumentException("--freeze-epochs must not be negative.");
        if (ValidationData == null && !(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentException($"--val-split {ValidationFraction} must lie strictly between 0 and 1.");
    }
}
