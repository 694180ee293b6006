using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel info MODEL</c>: what a model bundle holds.</summary>
public sealed class InfoCommand : Command<InfoCommand.Settings>
{
    /// <summary>The options of <c>info</c>: the model file or run folder.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description(ModelSettings.ModelHelp)]
        public string Model { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the model's manifest as one JSON object on stdout.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string path = InputPaths.Model(settings.Model, "info");
        var (manifest, integrity) = ModelBundle.Verify(path);
        if (settings.Json)
        {
            Json.Print(manifest);
            return 0;
        }
        var console = Terminal.Out;
        double megabytes = new FileInfo(path).Length / 1e6;
        console.MarkupLine($"[bold]{Shown.Markup(path)}[/] ({megabytes:0.0} MB), written {manifest.Created:yyyy-MM-dd HH:mm} UTC " +
                           $"by MultiLabel {Shown.Markup(manifest.ToolVersion)}, bundle format {manifest.FormatVersion}");
        var n = manifest.Normalization;
        var model = new Grid().AddColumn().AddColumn();
        model.AddRow("architecture", Shown.Markup(manifest.Architecture));
        model.AddRow("input", $"{manifest.ImageSize}×{manifest.ImageSize} RGB");
        model.AddRow("integrity", integrity == BundleIntegrity.Sha256
            ? "checked: SHA-256 of " + string.Join(", ", manifest.Integrity!.Keys.Order(StringComparer.Ordinal)) + " and every entry's CRC-32"
            : "checked: every entry's CRC-32 (written before bundles recorded SHA-256 digests)");
        model.AddRow("normalization", $"(pixel × {Number(n.Scale)} − mean) / std; mean {string.Join(", ", n.Mean.Select(v => Number(v)))}; std {string.Join(", ", n.Std.Select(v => Number(v)))}");
        console.Write(model);

        var labels = new Table().AddColumn("label").AddColumn(new TableColumn("threshold").RightAligned());
        for (int i = 0; i < manifest.Labels.Count; i++) labels.AddRow(Shown.Markup(manifest.Labels[i]), Number(manifest.Thresholds[i]));
        console.Write(labels);

        if (manifest.Training is { } training)
        {
            var options = new Table().AddColumn("training option").AddColumn("value");
            foreach (var (name, value) in Flatten(JsonSerializer.SerializeToElement(training, Json.Document), ""))
                options.AddRow(Shown.Markup(name), Shown.Markup(value));
            console.Write(options);
        }
        if (manifest.Metrics.Count > 0)
        {
            // Validation figures at threshold 0.5 beside those with the stored (tuned) thresholds.
            var metrics = new Table().AddColumn("metric").AddColumn(new TableColumn("at 0.5").RightAligned()).AddColumn(new TableColumn("tuned").RightAligned());
            foreach (var (name, value) in manifest.Metrics.Where(m => !m.Key.EndsWith("_tuned")))
                metrics.AddRow(Shown.Markup(name), Number(value), manifest.Metrics.TryGetValue(name + "_tuned", out double tuned) ? Number(tuned) : "—");
            console.Write(metrics);
        }
        return 0;
    }

    /// <summary>Nested JSON as dotted names and plain values, in written order.</summary>
    private static IEnumerable<(string Name, string Value)> Flatten(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, element.ValueKind switch
            {
                JsonValueKind.Null => "—",
                JsonValueKind.String => element.GetString()!,
                JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(e => e.ToString())),
                _ => element.GetRawText(),
            });
            yield break;
        }
        foreach (var property in element.EnumerateObject())
            foreach (var pair in Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}"))
                yield return pair;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
