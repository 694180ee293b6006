using MultiLabel.Cli.Commands;
using MultiLabel.Cli.Output;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("multilabel");
    config.SetExceptionHandler(ErrorReport.Handle);
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Train a model on a dataset folder or label file.")
        .WithExample("train", "--data", "samples/apparel-mini", "--out", "runs/demo", "--epochs", "4");
    config.AddCommand<PredictCommand>("predict")
        .WithDescription("Label images (files, folders, glob patterns) with a trained model.")
        .WithExample("predict", "--model", "runs/demo/model.mlpkg", "samples/apparel-holdout")
        .WithExample("predict", "--model", "runs/demo/model.mlpkg", "samples/**/*.jpg", "--json");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Score a model on labelled images: accuracy, exact match, F1, mAP, per-label results; optional HTML report.")
        .WithExample("evaluate", "--model", "runs/demo/model.mlpkg", "--data", "samples/apparel-holdout", "--report", "runs/demo/report");
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
        .WithExample("serve", "--model", "runs/demo/model.mlpkg", "--urls", "http://0.0.0.0:8080", "--max-batch-size", "16");
    config.AddBranch("dataset", dataset =>
    {
        dataset.SetDescription("Look at a dataset folder or label file.");
        dataset.AddCommand<DatasetInspectCommand>("inspect")
            .WithDescription("Count images, labels and label sets; list every skipped file with its reason.")
            .WithExample("dataset", "inspect", "samples/apparel-mini", "--json");
    });
});
return await app.RunAsync(args, Interrupt.Token);
