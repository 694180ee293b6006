using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Persistence;
using MultiLabel.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel serve</c>: an HTTP API and an upload page over a trained model, until Ctrl-C or SIGTERM.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>The options of <c>serve</c>: the model (shared with predict and evaluate), where to listen and how requests are batched.</summary>
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated; loopback only by default. Use http://0.0.0.0:5000 to accept other machines.")]
        [DefaultValue("http://127.0.0.1:5000")]
        public string Urls { get; init; } = "http://127.0.0.1:5000";

        [CommandOption("--max-batch-size <N>")]
        [Description("Most images one forward pass takes; concurrent requests share passes.")]
        [DefaultValue(32)]
        [Importance(OptionImportance.Tuning)]
        public int MaxBatchSize { get; init; } = 32;

        [CommandOption("--max-batch-wait-ms <MS>")]
        [Description("How long the first image of a pass waits for others to join it.")]
        [DefaultValue(5)]
        [Importance(OptionImportance.Tuning)]
        public int MaxBatchWaitMs { get; init; } = 5;

        [CommandOption("--max-request-bytes <BYTES>")]
        [Description("Largest request body (all its images together); larger ones get 413.")]
        [DefaultValue(10L * 1024 * 1024)]
        [Importance(OptionImportance.Tuning)]
        public long MaxRequestBytes { get; init; } = 10L * 1024 * 1024;

        [CommandOption("--max-images <N>")]
        [Description("Most images one request may carry; a request with more gets 413.")]
        [DefaultValue(32)]
        [Importance(OptionImportance.Tuning)]
        public int MaxImages { get; init; } = 32;

        [CommandOption("--max-queue <N>")]
        [Description("Most images being decoded, queued or predicted at once; a request past it gets 503 with Retry-After at once (default: --max-batch-size, one pass).")]
        [Importance(OptionImportance.Tuning)]
        public int? MaxQueue { get; init; }

        [CommandOption("--max-decodes <N>")]
        [Description("Most images decoded at once across all requests (each may take the pixel budget's memory, 4 bytes a pixel); default: one per core.")]
        [Importance(OptionImportance.Tuning)]
        public int? MaxDecodes { get; init; }

        [CommandOption("--allowed-hosts <HOSTS>")]
        [Description("Host names clients may use, ';'-separated (others get 400, which stops DNS-rebinding pages); default: the --urls hosts and localhost, plus this machine's names on 0.0.0.0. * allows any.")]
        [Importance(OptionImportance.Environment)]
        public string? AllowedHosts { get; init; }

        public override ValidationResult Validate()
        {
            var inherited = base.Validate();
            if (!inherited.Successful) return inherited;
            if (MaxBatchSize < 1) return ValidationResult.Error($"--max-batch-size takes 1 or more, not {MaxBatchSize}.");
            if (MaxBatchWaitMs < 0) return ValidationResult.Error($"--max-batch-wait-ms takes 0 or more, not {MaxBatchWaitMs}.");
            if (MaxRequestBytes < 1) return ValidationResult.Error($"--max-request-bytes takes 1 or more, not {MaxRequestBytes}.");
            if (MaxImages < 1) return ValidationResult.Error($"--max-images takes 1 or more, not {MaxImages}.");
            if (MaxQueue is < 1) return ValidationResult.Error($"--max-queue takes 1 or more, not {MaxQueue}.");
            if (MaxDecodes is < 1) return ValidationResult.Error($"--max-decodes takes 1 or more, not {MaxDecodes}.");
            if (AllowedHosts is { } hosts && Split(hosts).Length == 0) return ValidationResult.Error("--allowed-hosts takes host names separated by ';', or * for any host.");
            return ValidationResult.Success();
        }

        /// <summary>The server's options, serving the model file <paramref name="modelFile"/>.</summary>
        public ServeOptions ToOptions(string modelFile) => new()
        {
            ModelPath = modelFile,
            Urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Predictor = ToPredictorOptions(),
            MaxBatchSize = MaxBatchSize,
            MaxBatchWait = TimeSpan.FromMilliseconds(MaxBatchWaitMs),
            MaxRequestBytes = MaxRequestBytes,
            MaxImagesPerRequest = MaxImages,
            MaxConcurrentDecodes = MaxDecodes ?? Math.Max(1, Environment.ProcessorCount),
            MaxQueue = MaxQueue,
            AllowedHosts = AllowedHosts is { } hosts ? Split(hosts) : null,
        };

        private static string[] Split(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string model = settings.ModelFile();
        ModelBundle.ReadManifest(model); // a wrong path fails here, before anything listens
        await using var server = new PredictionServer(settings.ToOptions(model));
        await server.StartAsync(cancellationToken);
        var urls = string.Join(", ", server.Urls);
        Terminal.Error.MarkupLine($"[grey]listening on {Shown.Markup(urls)}; loading {Shown.Markup(model)}...[/]");
        BundleManifest manifest;
        try
        {
            manifest = await server.WaitForModelAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while the model loads: the server waits for the load to end, then stops without a word more.
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync(); // flushes the log before the last line
            Terminal.Error.MarkupLine("[grey]stopped before the model finished loading[/]");
            return 0;
        }
        Terminal.Error.MarkupLine($"Serving [bold]{Shown.Markup(manifest.Architecture)}[/] ({manifest.Labels.Count} labels, {manifest.ImageSize}px) " +
                                  $"on [bold]{Shown.Markup(urls)}[/]: upload page at /, API at POST /v1/predict. Ctrl-C stops.");
        await server.WaitForShutdownAsync(cancellationToken);
        await server.DisposeAsync(); // flushes the log before the last line
        Terminal.Error.MarkupLine("[grey]stopped[/]");
        return 0;
    }
}
