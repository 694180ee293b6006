using System.ComponentModel;
using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Files;
using MultiLabel.Native;
using MultiLabel.Onnx;
using MultiLabel.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel export --model M --onnx OUT.onnx</c>: a trained model as one standalone ONNX file.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>The options of <c>export</c>: the model and the ONNX file to write.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description(ModelSettings.ModelHelp)]
        [Importance(OptionImportance.Primary)]
        public string Model { get; init; } = "";

        [CommandOption("--onnx <PATH>")]
        [Description("ONNX file to write; an existing file is replaced only once the new one is complete.")]
        [Importance(OptionImportance.Primary)]
        public string Onnx { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required: the model.mlpkg a training run wrote, or the run folder holding it.");
            if (string.IsNullOrWhiteSpace(Onnx)) return ValidationResult.Error("--onnx is required: the .onnx file to write.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string model = InputPaths.Model(settings.Model, "--model");
        new ProtectedFiles().Add(model, "the model").EnsureNoneReplaced([settings.Onnx], "Onnx", settings.Onnx);
        TorchRuntime.EnsureLoaded();
        var (manifest, network) = ModelBundle.Load(model);
        using (network) ModelExport.Save(settings.Onnx, network, manifest);

        string path = Path.GetFullPath(settings.Onnx);
        long bytes = new FileInfo(path).Length;
        int size = manifest.ImageSize, labels = manifest.Labels.Count;
        if (settings.Json)
        {
            Json.Print(new Report(path, bytes, OnnxExporter.OpsetVersion,
                new Tensor(OnnxExporter.InputName, "uint8", [OnnxExporter.BatchDimension, size, size, 3]),
                new Tensor(OnnxExporter.OutputName, "float32", [OnnxExporter.BatchDimension, labels]),
                manifest.Architecture, manifest.Labels));
            return 0;
        }
        Terminal.Out.MarkupLine($"Wrote [bold]{Shown.Markup(settings.Onnx)}[/] ({bytes / 1e6:F1} MB, ONNX opset {OnnxExporter.OpsetVersion}).");
        Terminal.Out.MarkupLine($"  input  [bold]{OnnxExporter.InputName}[/]: uint8 RGB [[{OnnxExporter.BatchDimension}, {size}, {size}, 3]] (NHWC, 0–255; normalisation is inside the graph)");
        Terminal.Out.MarkupLine($"  output [bold]{OnnxExporter.OutputName}[/]: float [[{OnnxExporter.BatchDimension}, {labels}]], one sigmoid probability per label");
        Terminal.Out.MarkupLine($"  metadata: {OnnxExporter.LabelsKey}, {OnnxExporter.ThresholdsKey}, {OnnxExporter.ImageSizeKey}, {OnnxExporter.NormalizationKey}, {OnnxExporter.ArchitectureKey}");
        return 0;
    }

    /// <summary>The <c>--json</c> document: the file written and the graph's input and output.</summary>
    private sealed record Report(string Onnx, long Bytes, long Opset, Tensor Input, Tensor Output, string Architecture, IReadOnlyList<string> Labels);

    /// <summary>An input or output of the graph; a dimension is a size or the name of a dynamic one.</summary>
    private sealed record Tensor(string Name, string Type, object[] Shape);
}
