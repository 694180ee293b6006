using System.Text.RegularExpressions;

namespace MultiLabel.Cli.Output;

/// <summary>
/// The one table from Core's setting names (the properties a <see cref="SettingException"/> names) to the
/// command-line options that set them, so an error about <c>ImageSize</c> reads as one about <c>--image-size</c>.
/// </summary>
internal static class SettingFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["Data"] = "--data",
        ["OutputDirectory"] = "--out",
        ["ValidationData"] = "--val-data",
        ["Resume"] = "--resume",
        ["Overwrite"] = "--overwrite",
        ["Threads"] = "--threads",
        ["Device"] = "--device",
        ["Engine"] = "--engine",
        ["Model"] = "--model",
        ["ImageSize"] = "--image-size",
        ["Epochs"] = "--epochs",
        ["BatchSize"] = "--batch-size",
        ["LearningRate"] = "--lr",
        ["HeadLearningRate"] = "--head-lr",
        ["WeightDecay"] = "--weight-decay",
        ["FreezeBackboneEpochs"] = "--freeze-epochs",
        ["EarlyStoppingPatience"] = "--early-stopping",
        ["ValidationFraction"] = "--val-split",
        ["Plateau.Patience"] = "--plateau-patience",
        ["Plateau.Factor"] = "--plateau-factor",
        ["Plateau.MinLearningRate"] = "--min-lr",
        ["RotationDegrees"] = "--rotation",
        ["WidthShift"] = "--width-shift",
        ["HeightShift"] = "--height-shift",
        ["ShearDegrees"] = "--shear",
        ["Zoom"] = "--zoom",
        ["MaxPixels"] = "--max-pixels",
        ["Annotate"] = "--annotate",
        ["Onnx"] = "--onnx",
        ["Report"] = "--report",
        ["Predictions"] = "--predictions",
        ["MaxImagesPerRequest"] = "--max-images",
        ["MaxQueue"] = "--max-queue",
        ["MaxConcurrentDecodes"] = "--max-decodes",
        ["AllowedHosts"] = "--allowed-hosts",
        ["FollowLinks"] = "--follow-links",
        ["Explanation.Folder"] = "--explain",
        ["Explanation.Labels"] = "--explain-labels",
        ["Loss"] = "--loss",
        ["LabelFormat"] = "--label-format",
        ["ImagesDirectory"] = "--images",
        ["PositiveWeight"] = "--pos-weight",
    };

    /// <summary>Settings that Core's notes and skip reasons may name in passing (they are not errors of one setting).</summary>
    private static readonly string[] InProse = ["FollowLinks", "MaxPixels", "ImageSize", "ImagesDirectory", "LabelFormat"];

    /// <summary>A note or reason from Core with the settings it names in passing written as their options.</summary>
    public static string TranslateProse(string text) => Translate(text, InProse);

    /// <summary>The option that sets <paramref name="setting"/>, or null when the CLI has none.</summary>
    public static string? For(string setting) => Flags.GetValueOrDefault(setting);

    /// <summary>The message of <paramref name="error"/> with every setting it mentions written as its option.</summary>
    public static string Translate(SettingException error) => Translate(error.Message, error.Mentioned);

    /// <summary><paramref name="message"/> with each of <paramref name="mentioned"/> (settings by property name) written as its option.</summary>
    public static string Translate(string message, IEnumerable<string> mentioned)
    {
        foreach (string setting in mentioned.Distinct().OrderByDescending(s => s.Length))
            if (For(setting) is { } flag)
                message = Regex.Replace(message, $@"(?<![\w.-]){Regex.Escape(setting)}(?![\w-])", flag);
        return message;
    }
}
