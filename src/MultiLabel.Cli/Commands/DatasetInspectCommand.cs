using System.ComponentModel;
using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary>
/// <c>multilabel dataset inspect DATA</c>: what a dataset holds, how it was read and what was left out. Exits 2 when
/// nothing is usable or when the label file has entries it could not use (malformed, or naming no image).
/// </summary>
public sealed class DatasetInspectCommand : Command<DatasetInspectCommand.Settings>
{
    /// <summary>The options of <c>dataset inspect</c>: the dataset, how it is read, and the size images are checked at.</summary>
    public sealed class Settings : DatasetSettings
    {
        [CommandArgument(0, "<DATA>")]
        [Description("Dataset folder (label-named subfolders) or label file (CSV/TSV, COCO or Label Studio JSON, JSON lines).")]
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
        DatasetScan scan;
        try
        {
            scan = DatasetLoader.Load(InputPaths.Dataset(settings.Data, "dataset inspect"), settings.ToLoadOptions(settings.ImageSize), new DecodeProgressReporter(quiet: settings.Json), cancellationToken).Scan;
        }
        catch (DatasetException e)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] {Shown.Markup(e.Message)}");
            return 2;
        }

        var labelSets = scan.LabelSetCounts(settings.LabelSeparator);
        if (settings.Json) Output.Json.Print(Report.From(scan, labelSets));
        else Print(scan, labelSets);

        string? problem = Problem(scan);
        if (problem != null)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] {Shown.Markup(problem)}");
            return 2;
        }
        if (labelSets.Count == 1)
            Terminal.Error.MarkupLine($"[yellow]warning:[/] every image carries the same labels ({Shown.Markup(labelSets.Keys.First())}); training needs at least two label sets.");
        return 0;
    }

    /// <summary>The one sentence that makes inspect fail, or null.</summary>
    private static string? Problem(DatasetScan scan)
    {
        if (scan.Images.Count == 0)
        {
            try { scan.EnsureTrainable(); }
            catch (DatasetException e) { return e.Message; }
        }
        var wrong = scan.Skipped.Where(s => s.Kind.IsLabelFileProblem()).ToArray();
        if (wrong.Length == 0) return null;
        return $"{wrong.Length} {(wrong.Length == 1 ? "entry" : "entries")} of {Path.GetFileName(scan.Source)} could not be used " +
               $"(the other {scan.Images.Count} images were read); the first: {SettingFlags.TranslateProse(wrong[0].Reason)}.";
    }

    private static void Print(DatasetScan scan, IReadOnlyDictionary<string, int> labelSets)
    {
        var console = Terminal.Out;
        var counts = scan.LabelCounts();
        console.MarkupLine($"[bold]{scan.Images.Count}[/] images, [bold]{counts.Count}[/] labels, " +
                           $"[bold]{labelSets.Count}[/] label sets, [bold]{scan.Skipped.Count}[/] files skipped in {Shown.Markup(scan.Source)}");
        if (scan.Format is { } format)
            console.MarkupLine($"read as a [bold]{Choices.Word(format)}[/] label file; images in {Shown.Markup(scan.ImagesDirectory ?? "")}");
        foreach (string note in scan.Notes) console.MarkupLine($"note: {Shown.Markup(SettingFlags.TranslateProse(note))}");
        if (scan.UnlabeledImages > 0) console.MarkupLine($"{scan.UnlabeledImages} images carry no label (every target 0)");

        var labels = new Table().AddColumn("label").AddColumn(new TableColumn("images").RightAligned());
        foreach (var (label, count) in counts)
            labels.AddRow(Shown.Markup(label), count < DatasetScan.RareLabelImages ? $"[yellow]{count} (rare)[/]" : count.ToString());
        var sets = new Table().AddColumn("label set").AddColumn(new TableColumn("images").RightAligned());
        foreach (var (set, count) in labelSets.OrderByDescending(p => p.Value).Take(30)) sets.AddRow(Shown.Markup(set), count.ToString());
        console.Write(new Columns(labels, sets) { Expand = false });
        if (labelSets.Count > 30) console.MarkupLine($"(the 30 most frequent of {labelSets.Count} label sets)");
        var rare = scan.RareLabels();
        if (rare.Count > 0)
            console.MarkupLine($"[yellow]rare:[/] {rare.Count} label(s) on fewer than {DatasetScan.RareLabelImages} images ({Shown.Markup(string.Join(", ", rare.Select(r => r.Key)))}); " +
                               "they may not reach both sides of the split and their thresholds stay at 0.5");
        if (scan.Skipped.Count == 0) return;
        console.MarkupLine("[bold]skipped[/], leading reasons:");
        foreach (var group in scan.SkipSummary().Take(8)) console.MarkupLine("  " + Shown.Markup(SettingFlags.TranslateProse(group.ToString())));
        if (scan.Skipped.Count > 20) return;
        var skipped = new Table().AddColumn("skipped file").AddColumn("reason");
        foreach (var file in scan.Skipped) skipped.AddRow(Shown.Markup(file.Path), Shown.Markup(SettingFlags.TranslateProse(file.Reason)));
        console.Write(skipped);
    }

    /// <summary>The <c>--json</c> document.</summary>
    private sealed record Report(
        int Images,
        string? Format,
        string? ImagesFolder,
        IReadOnlyList<string> Notes,
        int UnlabeledImages,
        IReadOnlyDictionary<string, int> Labels,
        IReadOnlyList<string> RareLabels,
        IReadOnlyDictionary<string, int> LabelSets,
        IReadOnlyList<SkipReason> SkipReasons,
        IReadOnlyList<SkippedEntry> Skipped)
    {
        public static Report From(DatasetScan scan, IReadOnlyDictionary<string, int> labelSets) => new(
            scan.Images.Count, scan.Format is { } f ? Choices.Word(f) : null, scan.ImagesDirectory, scan.Notes, scan.UnlabeledImages,
            scan.LabelCounts(), scan.RareLabels().Select(r => r.Key).ToArray(), labelSets,
            scan.SkipSummary().Select(g => new SkipReason(g.Kind.Describe(), g.Count, g.Example, SettingFlags.TranslateProse(g.Detail))).ToArray(),
            scan.Skipped.Select(s => new SkippedEntry(s.Path, SettingFlags.TranslateProse(s.Reason))).ToArray());
    }

    /// <summary>One reason files were left out, with its count and an example.</summary>
    private sealed record SkipReason(
        string Reason,
        int Count,
        string Example,
        string Detail);

    /// <summary>A file left out, with its reason.</summary>
    private sealed record SkippedEntry(string Path, string Reason);
}
