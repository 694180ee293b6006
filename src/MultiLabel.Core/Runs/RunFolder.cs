using MultiLabel.Files;

namespace MultiLabel.Runs;

/// <summary>The files a training run writes into its output folder.</summary>
/// <param name="Folder">The output folder, as a full path.</param>
internal sealed record RunFolder(string Folder)
{
    public string Model => Path.Combine(Folder, "model.mlpkg");

    public string LastCheckpoint => Path.Combine(Folder, "last.ckpt");

    public string Labels => Path.Combine(Folder, "labels.json");

    public string Summary => Path.Combine(Folder, "summary.json");

    /// <summary>Every file the run writes, its curves and history included.</summary>
    public IEnumerable<string> Outputs =>
        [Model, LastCheckpoint, Labels, Summary, Path.Combine(Folder, "history.csv"), Path.Combine(Folder, "loss.png"), Path.Combine(Folder, "accuracy.png")];

    /// <summary>
    /// Throws a <see cref="SettingException"/> on OutputDirectory when any output of the run would replace one of its inputs:
    /// the label files, or an image (a label file may name images anywhere, the output folder included).
    /// </summary>
    public void EnsureNoInputReplaced(TrainingRunOptions options, TrainingData data)
    {
        var inputs = new ProtectedFiles();
        foreach (string? source in new[] { options.Data, options.ValidationData })
            if (source is not null && File.Exists(source)) inputs.Add(source, "the label file");
        inputs.Add(data.Train.Images.Images.Concat(data.Validation.Images.Images).Select(i => i.Path), "the training image");
        inputs.EnsureNoneReplaced(Outputs, nameof(TrainingRunOptions.OutputDirectory), Folder);
    }
}
