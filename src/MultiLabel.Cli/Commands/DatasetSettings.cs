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
        Source = new ImageSourceOptions { LabelSeparator = LabelSeparator },
        ImageSize = imageSize,
        CacheDirectory = NoCache ? null : CacheDir ?? ImageCache.DefaultDirectory,
        Threads = Threads,
    };
}
