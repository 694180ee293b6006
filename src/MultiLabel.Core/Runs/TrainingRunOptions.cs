using MultiLabel.Data;
using MultiLabel.Native;
using MultiLabel.Training;

namespace MultiLabel.Runs;

/// <summary>
/// One training run: the recipe (<see cref="Training"/>) and everything around it that is not the recipe —
/// where the data lives and where the outputs go, what the run may use of the machine, whether it continues an
/// interrupted run. Only the recipe is recorded in the model and the checkpoint; the rest may differ on resume.
/// </summary>
public sealed record TrainingRunOptions
{
    /// <summary>Dataset folder (label-named subfolders) or label file.</summary>
    public required string Data { get; init; }

    /// <summary>Folder that receives model.mlpkg, last.ckpt, history.csv, the curves, labels.json and summary.json.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The recipe.</summary>
    public TrainingOptions Training { get; init; } = TrainingOptions.Default;

    /// <summary>A separate validation folder or label file; when set it replaces the split.</summary>
    public string? ValidationData { get; init; }

    /// <summary>How labels are read from folder names.</summary>
    public ImageSourceOptions Source { get; init; } = new();

    /// <summary>The decode cache; null turns it off.</summary>
    public string? CacheDirectory { get; init; } = ImageCache.DefaultDirectory;

    /// <summary>CPU threads for libtorch and decoding; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Fit the thread count to the cores other processes leave free, between steps (see <see cref="ThreadGovernor"/>):
    /// <see cref="Threads"/> is then the most used. On by default; off keeps <see cref="Threads"/> throughout.
    /// </summary>
    public bool AdaptiveThreads { get; init; } = true;

    /// <summary>The pixel budget per image (see <see cref="ImageDecoder.DefaultMaxPixels"/>); null chooses it from the input size.</summary>
    public long? MaxPixels { get; init; }

    /// <summary>Where the network trains.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>Continue the interrupted run in <see cref="OutputDirectory"/> from its last.ckpt (its recorded recipe is used).</summary>
    public bool Resume { get; init; }

    /// <summary>Allow replacing a previous run's outputs in <see cref="OutputDirectory"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Throws a <see cref="SettingException"/> naming the first setting that cannot work (the recipe is checked on its own).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Data))
            throw new SettingException(nameof(Data), "Data is required: the dataset folder or label file to train on.");
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new SettingException(nameof(OutputDirectory), "OutputDirectory is required: the folder that receives the model.");
        if (Threads < 0) throw new SettingException(nameof(Threads), $"Threads {Threads} must be 0 (every core) or more.");
        if (MaxPixels is < 1) throw new SettingException(nameof(MaxPixels), $"MaxPixels {MaxPixels} must be 1 or more.");
        if (Resume && Overwrite)
            throw new SettingException(nameof(Resume), "Resume and Overwrite contradict each other: Resume continues the run in OutputDirectory, Overwrite replaces it. Choose one.",
                nameof(Overwrite), nameof(OutputDirectory));
    }
}
