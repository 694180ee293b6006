using MultiLabel.Cli.Commands;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Parsing;
using MultiLabel.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli;

/// <summary>The <c>multilabel</c> command tree.</summary>
public static class Program
{
    /// <summary>Runs the command <paramref name="args"/> name; the exit code says how it went (see <see cref="ErrorReport"/>).</summary>
    public static Task<int> Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => Configure(config, args, Terminal.Error));
        return app.RunAsync(args, Interrupt.Token);
    }

    /// <summary>Every command, on <paramref name="config"/>; failures of <paramref name="args"/> are reported on <paramref name="errors"/>.</summary>
    internal static void Configure(IConfigurator config, IReadOnlyList<string> args, IAnsiConsole errors)
    {
        config.SetApplicationName("multilabel");
        config.SetApplicationVersion(BundleManifest.CurrentToolVersion);
        config.ConfigureConsole(Terminal.Out);
        config.UseStrictParsing();
        config.Settings.Registrar.RegisterInstance<ICommandInterceptor, StrictArguments>(new StrictArguments());
        config.SetHelpProvider(new ImportanceOrderedHelp(config.Settings));
        config.SetExceptionHandler(new ErrorReport(args, errors).Handle);

        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train a model on a dataset folder or label file.")
            .WithExample("train", "--data", "samples/apparel-mini", "--out", "runs/demo", "--epochs", "4");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Label images (files, folders, glob patterns) with a trained model.")
            .WithExample("predict", "--model", "runs/demo", "samples/apparel-holdout")
            .WithExample("predict", "--model", "runs/demo/model.mlpkg", "samples/**/*.jpg", "--json");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Score a model on labelled images: accuracy, exact match, F1, mAP, per-label results; optional HTML report.")
            .WithExample("evaluate", "--model", "runs/demo", "--data", "samples/apparel-holdout", "--report", "runs/demo/report");
        config.AddCommand<InfoCommand>("info")
            .WithDescription("Show what a model file holds: architecture, input, labels and thresholds, training options, metrics.")
            .WithExample("info", "runs/demo/model.mlpkg");
        config.AddCommand<ModelsCommand>("models")
            .WithDescription("List the networks train --model accepts.");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Write a trained model as a standalone ONNX file: uint8 RGB pixels in, probabilities out.")
            .WithExample("export", "--model", "runs/demo/model.mlpkg", "--onnx", "model.onnx");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve a model over HTTP: POST /v1/predict, GET /v1/model, /healthz, /metrics and an upload page at /.")
            .WithExample("serve", "--model", "runs/demo/model.mlpkg")
            .WithExample("serve", "--model", "runs/demo", "--urls", "http://0.0.0.0:8080", "--max-batch-size", "16");
        config.AddBranch("cache", cache =>
        {
            cache.SetDescription("Look after the decode cache.");
            cache.AddCommand<CachePruneCommand>("prune")
                .WithDescription("Remove cached images of files that changed or were deleted, damaged and interrupted entries; with --max-size, the datasets used longest ago.")
                .WithExample("cache", "prune", "--max-size", "10");
        });
        config.AddBranch("dataset", dataset =>
        {
            dataset.SetDescription("Look at a dataset folder or label file.");
            dataset.AddCommand<DatasetInspectCommand>("inspect")
                .WithDescription("Count images, labels and label sets; list every skipped file with its reason.")
                .WithExample("dataset", "inspect", "samples/apparel-mini", "--json");
        });
    }
}
