using System.ComponentModel;
using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel dataset inspect DIR</c>: what a dataset holds and what was left out.</summary>
public sealed class DatasetInspectCommand : Command<DatasetInspectCommand.Settings>
{
    /// <summary>The options of <c>dataset inspect</c>: the dataset, how it is read, and the size images are checked at.</summary>
    public sealed class Settings : DatasetSettings
    {
        [CommandArgument(0, "<DATA>")]
        [Description("Dataset folder (label-named subfolders) or CSV label file.")]
        public string Data { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout.")]
        public bool Json { get; init; }

        [CommandOption("--image-size <PX>")]
        [Description("Size images are decoded (and cached) at while checking them; 128 matches the default training recipe.")]
        [DefaultValue(128)]
        public int ImageSize { get; init; } = 128;

        public override ValidationResult Validate()
        {
            var inherited = base.Validate();
            if (!inherited.Successful) return inherited;
            if (ImageSize < 1) return ValidationResult.Error($"--image-size takes 1 or more pixels, not {ImageSize}.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = DatasetLoader.Load(InputPaths.Dataset(settings.Data, "dataset inspect"), settings.ToLoadOptions(settings.ImageSize),
            new DecodeProgressReporter(quiet: false), cancellationToken);
        var scan = loaded.Scan;
        if (scan.Images.Count == 0) scan.EnsureTrainable();

        var labelSets = scan.LabelSetCounts(settings.LabelSeparator);
        if (settings.Json)
        {
            Output.Json.Print(new Report(scan.Images.Count, scan.LabelCounts(), labelSets,
                scan.Skipped.Select(s => new Skipped(s.Path, s.Reason)).ToArray()));
        }
        else
        {
            Print(scan, labelSets);
        }
        if (labelSets.Count == 1)
            Terminal.Error.MarkupLine($"[yellow]warning:[/] every image carries the same labels ({Markup.Escape(labelSets.Keys.First())}); training needs at least two label sets.");
        return 0;
    }

    private static void Print(DatasetScan scan, IReadOnlyDictionary<string, int> labelSets)
    {
        var console = Terminal.Out;
        console.MarkupLine($"[bold]{scan.Images.Count}[/] images, [bold]{scan.LabelCounts().Count}[/] labels, " +
                           $"[bold]{labelSets.Count}[/] label sets, [bold]{scan.Skipped.Count}[/] files skipped in {Markup.Escape(scan.Source)}");
        var labels = new Table().AddColumn("label").AddColumn(new TableColumn("images").RightAligned());
        foreach (var (label, count) in scan.LabelCounts()) labels.AddRow(Markup.Escape(label), count.ToString());
        var sets = new Table().AddColumn("label set").AddColumn(new TableColumn("images").RightAligned());
        foreach (var (set, count) in labelSets) sets.AddRow(Markup.Escape(set), count.ToString());
        console.Write(new Columns(labels, sets) { Expand = false });
        if (scan.Skipped.Count == 0) return;
        var skipped = new Table().AddColumn("skipped file").AddColumn("reason");
        foreach (var file in scan.Skipped) skipped.AddRow(Markup.Escape(file.Path), Markup.Escape(file.Reason));
        console.Write(skipped);
    }

    /// <summary>The <c>--json</c> document.</summary>
    private sealed record Report(int Images, IReadOnlyDictionary<string, int> Labels, IReadOnlyDictionary<string, int> LabelSets, IReadOnlyList<Skipped> Skipped);

    /// <summary>A file left out, with its reason.</summary>
    private sealed record Skipped(string Path, string Reason);
}
