namespace MultiLabel.Data;

/// <summary>How labels are read from a dataset folder or label file.</summary>
public sealed record ImageSourceOptions
{
    /// <summary>Splits a folder name into labels: <c>black_jeans</c> means {black, jeans}.</summary>
    public string LabelSeparator { get; init; } = "_";

    /// <summary>
    /// Follow symbolic links that lead out of the dataset folder too. Links inside it are always followed (each folder
    /// walked once, loops left out); label files may name images anywhere, with or without this.
    /// </summary>
    public bool FollowLinks { get; init; }

    /// <summary>The layout of a label file; <see cref="LabelFileFormat.Auto"/> detects it.</summary>
    public LabelFileFormat LabelFormat { get; init; } = LabelFileFormat.Auto;

    /// <summary>
    /// The folder a label file's image names are relative to; null uses the label file's folder, or the one
    /// subfolder of it where the names resolve when none resolves beside the file.
    /// </summary>
    public string? ImagesDirectory { get; init; }
}
