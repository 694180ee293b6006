using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Runs;
using MultiLabel.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel train</c>: fit a model on a dataset and write it with its curves, history and checkpoint.</summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Dataset folder (label-named subfolders) or label file (CSV/TSV, COCO or Label Studio JSON, JSON lines).")]
        public string Data { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder: model.mlpkg, last.ckpt, history.csv, loss.png, accuracy.png, labels.json, summary.json.")]
        public string Out { get; init; } = "";

        [CommandOption("--preset <NAME>")]
        [Description("default (ImageNet ResNet18 fine-tuned, 128px) or original (the source recipe: ResNet50 from scratch, 224px, Adam 1e-3, 150 epochs).")]
        [DefaultValue("default")]
        public string Preset { get; init; } = "default";

        [CommandOption("--model <NAME>")]
        [Description("Network (see `multilabel models`).")]
        public string? Model { get; init; }

        [CommandOption("--image-size <PX>")]
        [Description("Side length of the square input (default: chosen from the data, 128 for images up to 256 px and 224 for larger photos; with --model, the model's own).")]
        public int? ImageSize { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Passes over the training images (default 12; original 150).")]
        public int? Epochs { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Images per step (default 32; original 16).")]
        public int? BatchSize { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Peak learning rate of the backbone (of the whole network without --head-lr).")]
        public double? LearningRate { get; init; }

        [CommandOption("--head-lr <RATE>")]
        [Description("Peak learning rate of the new head (default recipe: 3e-3).")]
        public double? HeadLearningRate { get; init; }

        [CommandOption("--optimizer <NAME>")]
        [Description("adam, adamw or sgd.")]
        public string? Optimizer { get; init; }

        [CommandOption("--weight-decay <W>")]
        [Description("Weight decay (default 1e-4; decoupled for adamw).")]
        public double? WeightDecay { get; init; }

        [CommandOption("--schedule <NAME>")]
        [Description("onecycle or constant.")]
        public string? Schedule { get; init; }

        [CommandOption("--plateau-patience <EPOCHS>")]
        [Description("ReduceLROnPlateau patience (constant schedule; original preset: 10).")]
        public int? PlateauPatience { get; init; }

        [CommandOption("--plateau-factor <F>")]
        [Description("Multiplier applied when the rate is lowered (default 0.5).")]
        public double? PlateauFactor { get; init; }

        [CommandOption("--min-lr <RATE>")]
        [Description("The rate is never lowered below this (default 1e-6).")]
        public double? MinLearningRate { get; init; }

        [CommandOption("--no-plateau")]
        [Description("Never lower the learning rate on plateaus.")]
        public bool NoPlateau { get; init; }

        [CommandOption("--freeze-epochs <N>")]
        [Description("Train only the head for the first N epochs.")]
        public int? FreezeEpochs { get; init; }

        [CommandOption("--early-stopping <EPOCHS>")]
        [Description("Stop after this many epochs without improvement (off by default).")]
        public int? EarlyStopping { get; init; }

        [CommandOption("--monitor <METRIC>")]
        [Description("What the best checkpoint watches: loss (default), binary_accuracy, exact_match, macro_f1 or map.")]
        public string? Monitor { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the split, initialisation, shuffles and augmentation (default 42).")]
        public int? Seed { get; init; }

        [CommandOption("--val-split <FRACTION>")]
        [Description("Share of images held out for validation (default 0.2).")]
        public double? ValidationSplit { get; init; }

        [CommandOption("--split <METHOD>")]
        [Description("stratified (labels and label pairs in proportion; default) or random.")]
        public string? Split { get; init; }

        [CommandOption("--val-data <DIR>")]
        [Description("A separate validation folder or label file; replaces the split.")]
        public string? ValidationData { get; init; }

        [CommandOption("--no-augment")]
        [Description("Turn training-time augmentation off.")]
        public bool NoAugment { get; init; }

        [CommandOption("--rotation <DEGREES>")]
        [Description("Random rotation range in degrees (default 25).")]
        public double? Rotation { get; init; }

        [CommandOption("--width-shift <FRACTION>")]
        [Description("Random horizontal shift as a fraction of the width (default 0.1).")]
        public double? WidthShift { get; init; }

        [CommandOption("--height-shift <FRACTION>")]
        [Description("Random vertical shift as a fraction of the height (default 0.1).")]
        public double? HeightShift { get; init; }

        [CommandOption("--shear <DEGREES>")]
        [Description("Random shear range in degrees (default 0.2, as Keras reads shear_range).")]
        public double? Shear { get; init; }

        [CommandOption("--zoom <FRACTION>")]
        [Description("Zoom range: x and y factors drawn independently in [[1-z, 1+z]].")]
        public double? Zoom { get; init; }

        [CommandOption("--no-flip")]
        [Description("No random horizontal flips.")]
        public bool NoFlip { get; init; }

        [CommandOption("--loss <NAME>")]
        [Description("bce (binary cross-entropy), asl (asymmetric loss: easy negatives cost nothing) or focal (γ 2).")]
        public string? Loss { get; init; }

        [CommandOption("--pos-weight <MODE>")]
        [Description("none, or auto: each label's positives weigh its negatives ÷ positives in the training images (1 to 10).")]
        public string? PosWeight { get; init; }

        [CommandOption("--no-tune-thresholds")]
        [Description("Keep 0.5 for every label instead of choosing thresholds on the validation images.")]
        public bool NoTuneThresholds { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("auto, cpu or cuda.")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

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

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data)) return ValidationResult.Error("--data is required: the dataset folder or label file.");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required: the folder that receives the model.");
            return ValidationResult.Success();
        }

        public TrainingOptions ToOptions()
        {
            var preset = Preset.Trim().ToLowerInvariant() switch
            {
                "default" => TrainingOptions.Default,
                "original" => TrainingOptions.Original,
                _ => throw new ArgumentException($"Unknown preset '{Preset}'. Use default or original."),
            };
            var augmentation = preset.Augmentation;
            augmentation = augmentation with
            {
                RotationDegrees = Rotation ?? augmentation.RotationDegrees,
                WidthShift = WidthShift ?? augmentation.WidthShift,
                HeightShift = HeightShift ?? augmentation.HeightShift,
                ShearDegrees = Shear ?? augmentation.ShearDegrees,
                Zoom = Zoom ?? augmentation.Zoom,
                HorizontalFlip = !NoFlip && augmentation.HorizontalFlip,
            };
            var schedule = Schedule == null ? preset.Schedule : ParseSchedule(Schedule);
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
                Model = Model ?? preset.Model,
                ImageSize = ImageSize ?? (Model != null ? MultiLabel.Models.ModelRegistry.Get(Model).DefaultImageSize : preset.ImageSize),
                Epochs = Epochs ?? preset.Epochs,
                BatchSize = BatchSize ?? preset.BatchSize,
                LearningRate = LearningRate ?? preset.LearningRate,
                HeadLearningRate = HeadLearningRate ?? preset.HeadLearningRate,
                Optimizer = Optimizer == null ? preset.Optimizer : ParseOptimizer(Optimizer),
                WeightDecay = WeightDecay ?? preset.WeightDecay,
                Schedule = schedule,
                Plateau = NoPlateau ? null : plateau,
                FreezeBackboneEpochs = FreezeEpochs ?? preset.FreezeBackboneEpochs,
                EarlyStoppingPatience = EarlyStopping ?? preset.EarlyStoppingPatience,
                Monitor = Monitor == null ? preset.Monitor : MonitorMetrics.Parse(Monitor),
                Seed = Seed ?? preset.Seed,
                ValidationFraction = ValidationSplit ?? preset.ValidationFraction,
                Split = Split == null ? preset.Split : ParseSplit(Split),
                Augmentation = NoAugment ? AugmentationOptions.None : augmentation,
                Loss = Loss == null ? preset.Loss : ParseLoss(Loss),
                PositiveWeight = PosWeight == null ? preset.PositiveWeight : ParsePositiveWeight(PosWeight),
                TuneThresholds = !NoTuneThresholds && preset.TuneThresholds,
            };
        }

        private static OptimizerKind ParseOptimizer(string text) => text.Trim().ToLowerInvariant() switch
        {
            "adam" => OptimizerKind.Adam,
            "adamw" => OptimizerKind.AdamW,
            "sgd" => OptimizerKind.Sgd,
            _ => throw new ArgumentException($"Unknown optimizer '{text}'. Use adam, adamw or sgd."),
        };

        private static LearningRateSchedule ParseSchedule(string text) => text.Trim().ToLowerInvariant() switch
        {
            "onecycle" or "one-cycle" => LearningRateSchedule.OneCycle,
            "constant" => LearningRateSchedule.Constant,
            _ => throw new ArgumentException($"Unknown schedule '{text}'. Use onecycle or constant."),
        };

        private static LossKind ParseLoss(string text) => text.Trim().ToLowerInvariant() switch
        {
            "bce" => LossKind.Bce,
            "asl" => LossKind.Asl,
            "focal" => LossKind.Focal,
            _ => throw new ArgumentException($"Unknown loss '{text}'. Use bce, asl or focal."),
        };

        private static PositiveWeighting ParsePositiveWeight(string text) => text.Trim().ToLowerInvariant() switch
        {
            "none" => PositiveWeighting.None,
            "auto" => PositiveWeighting.Auto,
            _ => throw new ArgumentException($"Unknown --pos-weight '{text}'. Use none or auto."),
        };

        private static SplitMethod ParseSplit(string text) => text.Trim().ToLowerInvariant() switch
        {
            "stratified" => SplitMethod.Stratified,
            "random" => SplitMethod.Random,
            _ => throw new ArgumentException($"Unknown split '{text}'. Use stratified or random."),
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mode = settings.Json ? DisplayMode.JsonLines : settings.Quiet ? DisplayMode.Quiet : DisplayMode.Normal;
        var display = new TrainingDisplay(mode);
        var load = settings.ToLoadOptions(0);
        var result = TrainingRun.Run(new TrainingRunOptions
        {
            Data = settings.Data,
            OutputDirectory = settings.Out,
            Training = settings.ToOptions(),
            ValidationData = settings.ValidationData,
            Threads = settings.Threads,
            Device = Choices.Device(settings.Device),
            Source = load.Source,
            CacheDirectory = load.CacheDirectory,
            Resume = settings.Resume,
            Overwrite = settings.Overwrite,
        }, new TrainingObserver
        {
            Decoding = new DecodeProgressReporter(quiet: mode != DisplayMode.Normal),
            Messages = display,
            Callbacks = [display],
        }, cancellationToken);

        var summary = result.Summary;
        if (mode == DisplayMode.JsonLines)
        {
            TrainingDisplay.WriteJson(new Dictionary<string, object?>
            {
                ["event"] = "done", ["model"] = result.ModelPath, ["interrupted"] = summary.Interrupted,
                ["best_epoch"] = summary.BestEpoch, ["best_metric"] = summary.BestMetric, ["epochs_run"] = summary.EpochsRun,
                ["images_per_second"] = summary.ImagesPerSecond, ["final_metrics"] = summary.FinalMetrics, ["final_metrics_at_half"] = summary.FinalMetricsAtHalf,
            }!);
        }
        else if (summary.Interrupted)
        {
            Terminal.Error.MarkupLine($"[yellow]interrupted[/] after {summary.EpochsRun} epochs; state saved. Continue with: multilabel train --data {Markup.Escape(settings.Data)} --out {Markup.Escape(settings.Out)} --resume");
        }
        else
        {
            string metrics = string.Join("  ", summary.FinalMetrics.Select(m => $"{m.Key} {m.Value:F4}"));
            Terminal.Out.MarkupLine($"[green]saved[/] {Markup.Escape(result.ModelPath)} (best epoch {summary.BestEpoch}, {summary.Monitor} {summary.BestMetric:F4})");
            string atHalf = string.Join("  ", summary.FinalMetricsAtHalf.Select(m => $"{m.Key} {m.Value:F4}"));
            if (atHalf.Length > 0) Terminal.Out.MarkupLine($"validation at threshold 0.5:     {atHalf}");
            if (metrics.Length > 0) Terminal.Out.MarkupLine($"validation with tuned thresholds: {metrics}");
            if (summary.StopReason != null) Terminal.Out.MarkupLine(Markup.Escape(summary.StopReason));
        }
        return summary.Interrupted ? 130 : 0;
    }
}
