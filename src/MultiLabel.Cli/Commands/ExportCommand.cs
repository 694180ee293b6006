using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Native;
using MultiLabel.Onnx;
using MultiLabel.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel export --model M --onnx OUT.onnx</c>: a trained model as one standalone ONNX file.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("Trained model bundle (the model.mlpkg a training run wrote).")]
        public string Model { get; init; } = "";

        [CommandOption("--onnx <PATH>")]
        [Description("ONNX file to write; an existing file is replaced only once the new one is complete.")]
        public string Onnx { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required: the model.mlpkg to export.");
            if (string.IsNullOrWhiteSpace(Onnx)) return ValidationResult.Error("--onnx is required: the .onnx file to write.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.EnsureLoaded();
        var (manifest, network) = ModelBundle.Load(settings.Model);
        using (network) ModelExport.Save(settings.Onnx, network, manifest);

        string path = Path.GetFullPath(settings.Onnx);
        long bytes = new FileInfo(path).Length;
        int size = manifest.ImageSize, labels = manifest.Labels.Count;
        if (settings.Json)
        {
            Json.Print(new
            {
                onnx = path,
                bytes,
                opset = OnnxExporter.OpsetVersion,
                input = new { name = OnnxExporter.InputName, type = "uint8", shape = new object[] { OnnxExporter.BatchDimension, size, size, 3 } },
                output = new { name = OnnxExporter.OutputName, type = "float32", shape = new object[] { OnnxExporter.BatchDimension, labels } },
                architecture = manifest.Architecture,
                labels = manifest.Labels,
            });
            return 0;
        }
        Terminal.Out.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] ({bytes / 1e6:F1} MB, ONNX opset {OnnxExporter.OpsetVersion}).");
        Terminal.Out.MarkupLine($"  input  [bold]{OnnxExporter.InputName}[/]: uint8 RGB [[{OnnxExporter.BatchDimension}, {size}, {size}, 3]] (NHWC, 0–255; normalisation is inside the graph)");
        Terminal.Out.MarkupLine($"  output [bold]{OnnxExporter.OutputName}[/]: float [[{OnnxExporter.BatchDimension}, {labels}]], one sigmoid probability per label");
        Terminal.Out.MarkupLine($"  metadata: {OnnxExporter.LabelsKey}, {OnnxExporter.ThresholdsKey}, {OnnxExporter.ImageSizeKey}, {OnnxExporter.NormalizationKey}, {OnnxExporter.ArchitectureKey}");
        return 0;
    }
}
