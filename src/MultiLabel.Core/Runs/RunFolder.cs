namespace MultiLabel.Runs;

/// <summary>The files a training run writes into its output folder.</summary>
/// <param name="Folder">The output folder, as a full path.</param>
internal sealed record RunFolder(string Folder)
{
    public string Model => Path.Combine(Folder, "model.mlpkg");

    public string LastCheckpoint => Path.Combine(Folder, "last.ckpt");

    public string Labels => Path.Combine(Folder, "labels.json");

    public string Summary => Path.Combine(Folder, "summary.json");
}
