using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using MultiLabel.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel serve</c>: an HTTP API and an upload page over a trained model, until Ctrl-C or SIGTERM.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("The model.mlpkg a training run wrote.")]
        public string Model { get; init; } = "";

        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated; loopback only by default. Use http://0.0.0.0:5000 to accept other machines.")]
        [DefaultValue("http://127.0.0.1:5000")]
        public string Urls { get; init; } = "http://127.0.0.1:5000";

        [CommandOption("--engine <NAME>")]
        [Description("auto (onnx on the CPU, torch on CUDA), torch or onnx.")]
        [DefaultValue("auto")]
        public string Engine { get; init; } = "auto";

        [CommandOption("--threads <N>")]
        [Description("CPU threads for the model; 0 uses every core.")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--max-batch-size <N>")]
        [Description("Most images one forward pass takes; concurrent requests share passes.")]
        [DefaultValue(32)]
        public int MaxBatchSize { get; init; } = 32;

        [CommandOption("--max-batch-wait-ms <MS>")]
        [Description("How long the first image of a pass waits for others to join it.")]
        [DefaultValue(5)]
        public int MaxBatchWaitMs { get; init; } = 5;

        [CommandOption("--max-request-bytes <BYTES>")]
        [Description("Largest request body (all its images together); larger ones get 413.")]
        [DefaultValue(10L * 1024 * 1024)]
        public long MaxRequestBytes { get; init; } = 10L * 1024 * 1024;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required: the model.mlpkg to serve.");
            if (Threads < 0) return ValidationResult.Error("--threads cannot be negative.");
            if (MaxBatchSize < 1) return ValidationResult.Error("--max-batch-size must be at least 1.");
            if (MaxBatchWaitMs < 0) return ValidationResult.Error("--max-batch-wait-ms cannot be negative.");
            if (MaxRequestBytes < 1) return ValidationResult.Error("--max-request-bytes must be positive.");
            return ValidationResult.Success();
        }

        public ServeOptions ToOptions() => new()
        {
            ModelPath = Model,
            Urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Predictor = new PredictorOptions { Engine = Choices.Engine(Engine), Threads = Threads },
            MaxBatchSize = MaxBatchSize,
            MaxBatchWait = TimeSpan.FromMilliseconds(MaxBatchWaitMs),
            MaxRequestBytes = MaxRequestBytes,
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ModelBundle.ReadManifest(settings.Model); // a wrong path fails here, before anything listens
        await using var server = new PredictionServer(settings.ToOptions());
        await server.StartAsync(cancellationToken);
        var urls = string.Join(", ", server.Urls);
        Terminal.Error.MarkupLine($"[grey]listening on {Markup.Escape(urls)}; loading {Markup.Escape(settings.Model)}...[/]");
        var manifest = await server.WaitForModelAsync(cancellationToken);
        Terminal.Error.MarkupLine($"Serving [bold]{Markup.Escape(manifest.Architecture)}[/] ({manifest.Labels.Count} labels, {manifest.ImageSize}px) " +
                                  $"on [bold]{Markup.Escape(urls)}[/]: upload page at /, API at POST /v1/predict. Ctrl-C stops.");
        await server.WaitForShutdownAsync(cancellationToken);
        Terminal.Error.MarkupLine("[grey]stopped[/]");
        return 0;
    }
}
