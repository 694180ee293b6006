using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Parsing;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

public sealed partial class TrainCommand
{
    /// <summary>
    /// The options of <c>train</c>: a preset recipe (<c>--preset</c>), every other recipe option given overriding the
    /// preset's value (<see cref="ToOptions"/>), and where the data, the output and the machine are.
    /// </summary>
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Dataset folder (label-named subfolders) or CSV label file.")]
        [Importance(OptionImportance.Primary)]
        public string Data { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder: model.mlpkg, last.ckpt, history.csv, loss.png, accuracy.png, labels.json, summary.json.")]
        [Importance(OptionImportance.Primary)]
        public string Out { get; init; } = "";

        [CommandOption("--val-data <DIR>")]
        [Description("A separate validation folder or label file; replaces the split.")]
        [Importance(OptionImportance.Primary)]
        public string? ValidationData { get; init; }

        [CommandOption("--preset <NAME>")]
        [Description("default (ImageNet ResNet18 fine-tuned, 128px) or original (the source recipe: ResNet50 from scratch, 224px, Adam 1e-3, 150 epochs).")]
        [DefaultValue("default")]
        [TypeConverter(typeof(ChoiceConverter<RecipePreset>))]
        public RecipePreset Preset { get; init; } = RecipePreset.Default;

        [CommandOption("--model <NAME>")]
        [Description("Network (see `multilabel models`).")]
        public string? Model { get; init; }

        [CommandOption("--image-size <PX>")]
        [Description("Side length of the square input (default: chosen from the data, 128 for images up to 256 px and 224 for larger photos; with --model, the model's own).")]
        public int? ImageSize { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Passes over the training images (default 12; original 150).")]
        public int? Epochs { get; init; }

        [CommandOption("--resume")]
        [Description("Continue the interrupted run in --out from its last.ckpt.")]
        public bool Resume { get; init; }

        [CommandOption("--overwrite")]
        [Description("Replace a previous run's outputs in --out.")]
        public bool Overwrite { get; init; }

        [CommandOption("--quiet")]
        [Description("Print only the final summary.")]
        public bool Quiet { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON lines (batch, epoch, done events) on stdout.")]
        public bool Json { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Images per step (default 32; original 16).")]
        [Importance(OptionImportance.Tuning)]
        public int? BatchSize { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Peak learning rate of the backbone (of the whole network without --head-lr).")]
        [Importance(OptionImportance.Tuning)]
        public double? LearningRate { get; init; }

        [CommandOption("--head-lr <RATE>")]
        [Description("Peak learning rate of the new head (default recipe: 3e-3).")]
        [Importance(OptionImportance.Tuning)]
        public double? HeadLearningRate { get; init; }

        [CommandOption("--optimizer <NAME>")]
        [Description("adam, adamw or sgd.")]
        [TypeConverter(typeof(ChoiceConverter<OptimizerKind>))]
        [Importance(OptionImportance.Tuning)]
        public OptimizerKind? Optimizer { get; init; }

        [CommandOption("--weight-decay <W>")]
        [Description("Weight decay (default 1e-4; decoupled for adamw).")]
        [Importance(OptionImportance.Tuning)]
        public double? WeightDecay { get; init; }

        [CommandOption("--schedule <NAME>")]
        [Description("onecycle or constant.")]
        [TypeConverter(typeof(ChoiceConverter<LearningRateSchedule>))]
        [Importance(OptionImportance.Tuning)]
        public LearningRateSchedule? Schedule { get; init; }

        [CommandOption("--plateau-patience <EPOCHS>")]
        [Description("ReduceLROnPlateau patience (constant schedule; original preset: 10).")]
        [Importance(OptionImportance.Tuning)]
        public int? PlateauPatience { get; init; }

        [CommandOption("--plateau-factor <F>")]
        [Description("Multiplier applied when the rate is lowered (default 0.5).")]
        [Importance(OptionImportance.Tuning)]
        public double? PlateauFactor { get; init; }

        [CommandOption("--min-lr <RATE>")]
        [Description("The rate is never lowered below this (default 1e-6).")]
        [Importance(OptionImportance.Tuning)]
        public double? MinLearningRate { get; init; }

        [CommandOption("--no-plateau")]
        [Description("Never lower the learning rate on plateaus.")]
        [Importance(OptionImportance.Tuning)]
        public bool NoPlateau { get; init; }

        [CommandOption("--freeze-epochs <N>")]
        [Description("Train only the head for the first N epochs.")]
        [Importance(OptionImportance.Tuning)]
        public int? FreezeEpochs { get; init; }

        [CommandOption("--early-stopping <EPOCHS>")]
        [Description("Stop after this many epochs without improvement (off by default).")]
        [Importance(OptionImportance.Tuning)]
        public int? EarlyStopping { get; init; }

        [CommandOption("--monitor <METRIC>")]
        [Description("What the best checkpoint watches: loss (default), binary_accuracy, exact_match, macro_f1 or map.")]
        [TypeConverter(typeof(ChoiceConverter<MonitorMetric>))]
        [Importance(OptionImportance.Tuning)]
        public MonitorMetric? Monitor { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the split, initialisation, shuffles and augmentation (default 42).")]
        [Importance(OptionImportance.Tuning)]
        public int? Seed { get; init; }

        [CommandOption("--val-split <FRACTION>")]
        [Description("Share of images held out for validation (default 0.2).")]
        [Importance(OptionImportance.Tuning)]
        public double? ValidationSplit { get; init; }

        [CommandOption("--split <METHOD>")]
        [Description("stratified (labels and label pairs in proportion; default) or random.")]
        [TypeConverter(typeof(ChoiceConverter<SplitMethod>))]
        [Importance(OptionImportance.Tuning)]
        public SplitMethod? Split { get; init; }

        [CommandOption("--no-augment")]
        [Description("Turn training-time augmentation off.")]
        [Importance(OptionImportance.Tuning)]
        public bool NoAugment { get; init; }

        [CommandOption("--rotation <DEGREES>")]
        [Description("Random rotation range in degrees (default 25).")]
        [Importance(OptionImportance.Tuning)]
        public double? Rotation { get; init; }

        [CommandOption("--width-shift <FRACTION>")]
        [Description("Random horizontal shift as a fraction of the width (default 0.1).")]
        [Importance(OptionImportance.Tuning)]
        public double? WidthShift { get; init; }

        [CommandOption("--height-shift <FRACTION>")]
        [Description("Random vertical shift as a fraction of the height (default 0.1).")]
        [Importance(OptionImportance.Tuning)]
        public double? HeightShift { get; init; }

        [CommandOption("--shear <DEGREES>")]
        [Description("Random shear range in degrees (default 0.2, as Keras reads shear_range).")]
        [Importance(OptionImportance.Tuning)]
        public double? Shear { get; init; }

        [CommandOption("--zoom <FRACTION>")]
        [Description("Zoom range: x and y factors drawn independently in [[1-z, 1+z]].")]
        [Importance(OptionImportance.Tuning)]
        public double? Zoom { get; init; }

        [CommandOption("--no-flip")]
        [Description("No random horizontal flips.")]
        [Importance(OptionImportance.Tuning)]
        public bool NoFlip { get; init; }

        [CommandOption("--loss <NAME>")]
        [Description("bce (binary cross-entropy; default), asl (asymmetric loss: easy negatives cost nothing) or focal (γ 2).")]
        [TypeConverter(typeof(ChoiceConverter<LossKind>))]
        [Importance(OptionImportance.Tuning)]
        public LossKind? Loss { get; init; }

        [CommandOption("--pos-weight <MODE>")]
        [Description("none (default), or auto: each label's positives weigh its negatives ÷ positives in the training images (1 to 10).")]
        [TypeConverter(typeof(ChoiceConverter<PositiveWeighting>))]
        [Importance(OptionImportance.Tuning)]
        public PositiveWeighting? PosWeight { get; init; }

        [CommandOption("--no-tune-thresholds")]
        [Description("Keep 0.5 for every label instead of choosing thresholds on the validation images.")]
        [Importance(OptionImportance.Tuning)]
        public bool NoTuneThresholds { get; init; }

        [CommandOption("--fixed-threads")]
        [Description("Keep --threads (default: every core) throughout. By default training drops to fewer threads while other processes keep cores busy, " +
                     "and back when they are free: waiting workers on contended cores cost more than the cores they lose.")]
        [Importance(OptionImportance.Environment)]
        public bool FixedThreads { get; init; }

        // --device of ModelSettings, declared again because these settings derive from the dataset's; a test keeps them alike.
        [CommandOption("--device <DEVICE>")]
        [Description(ModelSettings.DeviceHelp)]
        [DefaultValue("auto")]
        [TypeConverter(typeof(ChoiceConverter<ComputeDevice>))]
        [Importance(OptionImportance.Environment)]
        public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data)) return ValidationResult.Error("--data is required: the dataset folder or label file.");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required: the folder that receives the model.");
            if (Model != null && !ModelRegistry.TryGet(Model, out _))
            {
                var nearest = NearestName.Among(Model, ModelRegistry.All.Select(m => m.Name));
                return ValidationResult.Error(nearest.Count > 0
                    ? $"--model {Model} is not a network this build has; did you mean {Sentence.Or(nearest)}?"
                    : $"--model {Model} is not a network this build has; it has {ModelRegistry.Names}.");
            }
            return base.Validate();
        }

        /// <summary>The recipe: the preset, with every recipe option given on the command line in place of the preset's value.</summary>
        public TrainingOptions ToOptions()
        {
            var preset = Preset == RecipePreset.Original ? TrainingOptions.Original : TrainingOptions.Default;
            var augmentation = preset.Augmentation with
            {
                RotationDegrees = Rotation ?? preset.Augmentation.RotationDegrees,
                WidthShift = WidthShift ?? preset.Augmentation.WidthShift,
                HeightShift = HeightShift ?? preset.Augmentation.HeightShift,
                ShearDegrees = Shear ?? preset.Augmentation.ShearDegrees,
                Zoom = Zoom ?? preset.Augmentation.Zoom,
                HorizontalFlip = !NoFlip && preset.Augmentation.HorizontalFlip,
            };
            var schedule = Schedule ?? preset.Schedule;
            var plateau = preset.Plateau ?? (schedule == LearningRateSchedule.Constant ? new PlateauOptions() : null);
            if (plateau != null)
                plateau = plateau with
                {
                    Patience = PlateauPatience ?? plateau.Patience,
                    Factor = PlateauFactor ?? plateau.Factor,
                    MinLearningRate = MinLearningRate ?? plateau.MinLearningRate,
                };
            return preset with
            {
                Model = Model != null ? ModelRegistry.Get(Model).Name : preset.Model,
                ImageSize = ImageSize ?? (Model != null ? ModelRegistry.Get(Model).DefaultImageSize : preset.ImageSize),
                Epochs = Epochs ?? preset.Epochs,
                BatchSize = BatchSize ?? preset.BatchSize,
                LearningRate = LearningRate ?? preset.LearningRate,
                HeadLearningRate = HeadLearningRate ?? preset.HeadLearningRate,
                Optimizer = Optimizer ?? preset.Optimizer,
                WeightDecay = WeightDecay ?? preset.WeightDecay,
                Schedule = schedule,
                Plateau = NoPlateau ? null : plateau,
                FreezeBackboneEpochs = FreezeEpochs ?? preset.FreezeBackboneEpochs,
                EarlyStoppingPatience = EarlyStopping ?? preset.EarlyStoppingPatience,
                Monitor = Monitor ?? preset.Monitor,
                Seed = Seed ?? preset.Seed,
                ValidationFraction = ValidationSplit ?? preset.ValidationFraction,
                Split = Split ?? preset.Split,
                Augmentation = NoAugment ? AugmentationOptions.None : augmentation,
                Loss = Loss ?? preset.Loss,
                PositiveWeight = PosWeight ?? preset.PositiveWeight,
                TuneThresholds = !NoTuneThresholds && preset.TuneThresholds,
            };
        }
    }
}
