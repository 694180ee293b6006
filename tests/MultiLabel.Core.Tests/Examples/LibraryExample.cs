// The program README.md shows, kept here so that a test compiles and runs it;
// LibraryExampleTests checks that the page quotes the text between the markers exactly.
// <library-example>
using MultiLabel.Inference;
using MultiLabel.Runs;
using MultiLabel.Training;

public static class LibraryExample
{
    /// <summary>Trains a small model on <paramref name="dataFolder"/>, saves it, loads it back and labels <paramref name="images"/>.</summary>
    public static IReadOnlyList<Prediction> Run(string dataFolder, string outputFolder, IReadOnlyList<string> images)
    {
        // Train: a folder of label-named subfolders (black_dress/, blue_shirt/, ...), one epoch of a small network.
        var run = TrainingRun.Run(new TrainingRunOptions
        {
            Data = dataFolder,
            OutputDirectory = outputFolder, // receives model.mlpkg, history.csv, loss.png, summary.json, ...
            Training = TrainingOptions.Default with { Model = "smallervggnet", ImageSize = 32, Epochs = 1, BatchSize = 16 },
            CacheDirectory = null,          // decode afresh; leave it out to cache decoded images in ~/.cache/multilabel
        });

        // Load the saved model and label images in batches; an unreadable file gets an error in its place.
        using var predictor = Predictor.Load(run.ModelPath);
        var predictions = predictor.PredictFiles(images, new PredictOptions { TopK = 3 });
        foreach (var p in predictions)
            Console.WriteLine(p.Failed
                ? $"{p.Source}: {p.Error}"
                : $"{p.Source}: {string.Join(", ", p.Labels.Select(label => $"{label} {p.Scores[label]:P0}"))}");
        return predictions;
    }
}
// </library-example>
