using System.ComponentModel;
using MultiLabel.Data;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary>Options shared by every command that reads a dataset.</summary>
public class DatasetSettings : CommandSettings
{
    [CommandOption("--label-separator <SEP>")]
    [Description("Splits folder names into labels (default _: black_jeans means {black, jeans}).")]
    [DefaultValue("_")]
    public string LabelSeparator { get; init; } = "_";

    [CommandOption("--label-format <FORMAT>")]
    [Description("Format of a label file: auto (detected from header and content), path-labels, multi-hot, coco, label-studio or jsonl.")]
    [DefaultValue("auto")]
    public string LabelFormat { get; init; } = "auto";

    [CommandOption("--images <DIR>")]
    [Description("Folder a label file's image names are relative to (default: the label file's folder, or the one subfolder where they are).")]
    public string? Images { get; init; }

    [CommandOption("--cache-dir <DIR>")]
    [Description("Where decoded images are cached (default $MULTILABEL_CACHE, else ~/.cache/multilabel).")]
    public string? CacheDir { get; init; }

    [CommandOption("--no-cache")]
    [Description("Decode every image afresh and keep nothing on disk.")]
    public bool NoCache { get; init; }

    [CommandOption("--threads <N>")]
    [Description("CPU threads to use (default: every core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    public DatasetLoadOptions ToLoadOptions(int imageSize) => new()
    {
        Source = new ImageSourceOptions { LabelSeparator = LabelSeparator, LabelFormat = Output.Choices.LabelFormat(LabelFormat), ImagesDirectory = Images },
        ImageSize = imageSize,
        CacheDirectory = NoCache ? null : CacheDir ?? ImageCache.DefaultDirectory,
        Threads = Threads,
    };
}
