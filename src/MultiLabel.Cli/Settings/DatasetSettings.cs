using System.ComponentModel;
using MultiLabel.Data;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Settings;

/// <summary>
/// How a command reads a dataset folder or label file (train, dataset inspect): how folder names split into
/// labels, the label file's format and images folder, and where decoded images are cached. <c>evaluate</c> declares
/// the same options itself (its settings already derive from the model's); a test keeps the two declarations alike.
/// </summary>
public class DatasetSettings : DecodeSettings
{
    [CommandOption("--label-separator <SEP>")]
    [Description(LabelSeparatorHelp)]
    [DefaultValue("_")]
    public string LabelSeparator { get; init; } = "_";

    [CommandOption("--label-format <FORMAT>")]
    [Description(LabelFormatHelp)]
    [DefaultValue("auto")]
    [TypeConverter(typeof(ChoiceConverter<LabelFileFormat>))]
    public LabelFileFormat LabelFormat { get; init; } = LabelFileFormat.Auto;

    [CommandOption("--images <DIR>")]
    [Description(ImagesHelp)]
    public string? Images { get; init; }

    [CommandOption("--follow-links")]
    [Description(FollowLinksHelp)]
    public bool FollowLinks { get; init; }

    [CommandOption("--cache-dir <DIR>")]
    [Description(CacheDirHelp)]
    [Importance(OptionImportance.Environment)]
    public string? CacheDir { get; init; }

    [CommandOption("--no-cache")]
    [Description(NoCacheHelp)]
    [Importance(OptionImportance.Environment)]
    public bool NoCache { get; init; }

    /// <summary>The help text of <c>--label-separator</c>.</summary>
    public const string LabelSeparatorHelp = "Splits folder names into labels (default _: black_jeans means {black, jeans}).";

    /// <summary>The help text of <c>--label-format</c>.</summary>
    public const string LabelFormatHelp =
        "Format of a label file: auto (detected from header and content), path-labels, multi-hot, coco, label-studio or jsonl.";

    /// <summary>The help text of <c>--images</c>.</summary>
    public const string ImagesHelp =
        "Folder a label file's image names are relative to (default: the label file's folder, or the one subfolder where they are).";

    /// <summary>The help text of <c>--follow-links</c>.</summary>
    public const string FollowLinksHelp =
        "Also follow symbolic links that lead out of the dataset folder (links inside it are followed, each folder once, loops left out).";

    /// <summary>The help text of <c>--cache-dir</c>.</summary>
    public const string CacheDirHelp = "Where decoded images are cached (default $MULTILABEL_CACHE, else ~/.cache/multilabel).";

    /// <summary>The help text of <c>--no-cache</c>.</summary>
    public const string NoCacheHelp = "Decode every image afresh and keep nothing on disk.";

    /// <summary>How to read the dataset: these options, decoding at <paramref name="imageSize"/> pixels.</summary>
    public DatasetLoadOptions ToLoadOptions(int imageSize) => LoadOptions(LabelSeparator, LabelFormat, Images, FollowLinks, CacheDir, NoCache, Threads, imageSize)
        with { MaxPixels = MaxPixels };

    /// <summary>The load options the dataset options give (shared with <c>evaluate</c>, which declares them itself).</summary>
    public static DatasetLoadOptions LoadOptions(string labelSeparator, LabelFileFormat labelFormat, string? images, bool followLinks, string? cacheDir,
        bool noCache, int threads, int imageSize) => new()
    {
        Source = new ImageSourceOptions { LabelSeparator = labelSeparator, LabelFormat = labelFormat, ImagesDirectory = images, FollowLinks = followLinks },
        ImageSize = imageSize,
        CacheDirectory = noCache ? null : cacheDir ?? ImageCache.DefaultDirectory,
        Threads = threads,
    };
}
