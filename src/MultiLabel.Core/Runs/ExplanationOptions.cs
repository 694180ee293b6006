namespace MultiLabel.Runs;

/// <summary>How <see cref="ExplanationRun"/> explains predicted images.</summary>
public sealed record ExplanationOptions
{
    /// <summary>How errors name <see cref="Folder"/> (see <see cref="SettingException"/>).</summary>
    public const string FolderSetting = Reporting.ExplanationFiles.FolderSetting;

    /// <summary>How errors name <see cref="Labels"/>.</summary>
    public const string LabelsSetting = "Explanation.Labels";

    /// <summary>The folder the overlays are written to (created when missing).</summary>
    public required string Folder { get; init; }

    /// <summary>The labels to explain on every image; null explains each image's predicted labels.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Threads that decode images and write overlays; 0 uses every core.</summary>
    public int Threads { get; init; }
}
