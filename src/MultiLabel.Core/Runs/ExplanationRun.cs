using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;

namespace MultiLabel.Runs;

/// <summary>
/// Writes the heat-map overlays of predicted image files (<see cref="ExplanationFiles"/> names them): each image is
/// decoded again at the model's input size, explained in batches by the predictor's <see cref="Explainer"/> for its
/// predicted labels (or the labels asked for), and each map is laid over the original image at its own size
/// (<see cref="HeatMapOverlay"/>). A file that cannot be read any more is reported in its place; the rest go on.
/// </summary>
public static class ExplanationRun
{
    /// <summary>
    /// Explains the images of <paramref name="predictions"/> that were predicted (failed ones get <c>null</c>), in
    /// order; <paramref name="progress"/> hears the number of images done.
    /// </summary>
    /// <exception cref="SettingException">A label asked for is not the model's (<c>Explanation.Labels</c>), or an overlay would replace an input image (<c>Explanation.Folder</c>).</exception>
    public static IReadOnlyList<ImageExplanation?> Run(Predictor predictor, IReadOnlyList<Prediction> predictions, ExplanationOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Labels?.FirstOrDefault(l => predictor.Vocabulary.IndexOf(l) < 0) is { } unknown)
            throw new SettingException(ExplanationOptions.LabelsSetting,
                $"{ExplanationOptions.LabelsSetting} names '{unknown}', which is not a label of this model; its labels are {string.Join(", ", predictor.Vocabulary.Labels)}.");
        var done = predictions.Select((p, i) => (Prediction: p, Index: i)).Where(p => !p.Prediction.Failed).ToArray();
        var labels = done.Select(p => options.Labels ?? p.Prediction.Labels).ToArray();
        var files = ExplanationFiles.Paths(done.Select(p => p.Prediction.Source).ToArray(), labels, options.Folder);
        if (done.Length > 0) Directory.CreateDirectory(options.Folder);

        var result = new ImageExplanation?[predictions.Count];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
        };
        int batchSize = Math.Max(1, options.BatchSize), size = predictor.ImageSize;
        for (int start = 0; start < done.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, done.Length - start);
            var decoded = new DecodedImage?[count];
            var encoded = new byte[count][];
            var errors = new string?[count];
            Parallel.For(0, count, parallel, i =>
            {
                try
                {
                    encoded[i] = ImageDecoder.ReadFile(done[start + i].Prediction.Source, predictor.MaxPixels);
                    decoded[i] = ImageDecoder.Decode(encoded[i], size, size, predictor.MaxPixels);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageDecodeException)
                {
                    errors[i] = $"cannot be read any more: {e.Message}";
                }
            });
            var readable = Enumerable.Range(0, count).Where(i => decoded[i] != null).ToArray();
            var maps = predictor.Explain(readable.Select(i => decoded[i]!).ToArray(), readable.Select(i => labels[start + i]).ToArray(), batchSize);
            var overlays = new ExplanationOverlay[count][];
            Parallel.For(0, readable.Length, parallel, r =>
            {
                int i = readable[r];
                overlays[i] = maps[r].Select((map, k) =>
                {
                    string file = files[start + i][k];
                    byte[] png = HeatMapOverlay.Render(encoded[i], map);
                    Files.AtomicFile.Write(file, stream => stream.Write(png));
                    return new ExplanationOverlay(map.Label, map.Score, file, map.Center);
                }).ToArray();
            });
            for (int i = 0; i < count; i++)
            {
                var (prediction, index) = done[start + i];
                result[index] = errors[i] is { } error
                    ? new ImageExplanation(prediction.Source, [], error)
                    : new ImageExplanation(prediction.Source, overlays[i]);
            }
            progress?.Report(start + count);
        }
        return result;
    }
}
