using MultiLabel.Data;
using MultiLabel.Metrics;
using MultiLabel.Persistence;

namespace MultiLabel.Inference;

/// <summary>
/// A trained model scored on a labelled dataset (the folder or label-file formats of training): the
/// images are decoded through the cache at the model's input size, their labels encoded with the
/// model's vocabulary (labels the model does not know are counted, not fatal; an image whose labels
/// are all unknown counts with all-negative targets), predicted in batches and evaluated.
/// </summary>
public sealed class ModelEvaluation
{
    private readonly float[] probabilities;
    private readonly float[] targets;
    private readonly MultiLabelEvaluator evaluator;

    /// <summary>
    /// The evaluation of probabilities (row-major <c>[images, labels]</c>) against 0/1 targets of the same shape, the
    /// labels decided by <paramref name="decoder"/>; <paramref name="confusedPairs"/> is how many of the most confused
    /// label pairs to keep. <see cref="Runs.EvaluationRun"/> builds one from a dataset and a predictor.
    /// </summary>
    public ModelEvaluation(string data, BundleManifest manifest, LabelDecoder decoder, IReadOnlyList<ImageRecord> images,
        float[] probabilities, float[] targets, IReadOnlyList<SkippedFile> skipped, IReadOnlyDictionary<string, int> unknownLabels, int confusedPairs = 10)
    {
        int n = images.Count * decoder.Labels.Count;
        if (probabilities.Length != n || targets.Length != n)
            throw new ArgumentException($"Expected {images.Count}×{decoder.Labels.Count} probabilities and targets.", nameof(probabilities));
        Data = data;
        Manifest = manifest;
        Decoder = decoder;
        Images = images;
        this.probabilities = probabilities;
        this.targets = targets;
        Skipped = skipped;
        UnknownLabels = unknownLabels;
        evaluator = new MultiLabelEvaluator(Labels, Thresholds);
        evaluator.Update(probabilities, targets);
        Result = evaluator.Compute();
        ConfusedPairs = evaluator.MostConfusedPairs(confusedPairs);
    }

    /// <summary>The dataset folder or label file that was read.</summary>
    public string Data { get; }

    /// <summary>The manifest of the model that was scored.</summary>
    public Persistence.BundleManifest Manifest { get; }

    /// <summary>How scores became labels: the model's thresholds, or the override.</summary>
    public LabelDecoder Decoder { get; }

    /// <summary>The model's labels, in output order.</summary>
    public IReadOnlyList<string> Labels => Decoder.Labels;

    /// <summary>The threshold each label was decided at (the model's, or the override).</summary>
    public IReadOnlyList<float> Thresholds => Decoder.Thresholds;

    /// <summary>The images evaluated, in the order of <see cref="ScoresOf"/>.</summary>
    public IReadOnlyList<ImageRecord> Images { get; }

    /// <summary>Files left out of the dataset (not images, undecodable), each with its reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Labels in the data that the model does not know, with the number of images carrying each.</summary>
    public IReadOnlyDictionary<string, int> UnknownLabels { get; }

    /// <summary>Every metric, overall and per label.</summary>
    public EvaluationResult Result { get; }

    /// <summary>The label pairs the model confuses most (see <see cref="MultiLabelEvaluator.MostConfusedPairs"/>).</summary>
    public IReadOnlyList<ConfusedPair> ConfusedPairs { get; }

    /// <summary>The probability of each label for image <paramref name="image"/>, in output order.</summary>
    public ReadOnlySpan<float> ScoresOf(int image) => probabilities.AsSpan(image * Labels.Count, Labels.Count);

    /// <summary>The 0/1 target of each label for image <paramref name="image"/>, in output order.</summary>
    public ReadOnlySpan<float> TargetsOf(int image) => targets.AsSpan(image * Labels.Count, Labels.Count);

    /// <summary>The precision–recall curve of the label at <paramref name="label"/> (an index into <see cref="Labels"/>).</summary>
    public PrecisionRecallCurve PrecisionRecall(int label) => evaluator.PrecisionRecall(label);

    /// <summary>The labels predicted for image <paramref name="image"/>, highest score first.</summary>
    public IReadOnlyList<string> PredictedLabels(int image) => Decoder.Decode(ScoresOf(image));

    /// <summary>
    /// Every image with at least one wrong label decision, most confident mistake first: ordered by the largest
    /// |probability − target| among its wrong decisions, then by position.
    /// </summary>
    public IReadOnlyList<ImageMistake> Mistakes()
    {
        var mistakes = new List<ImageMistake>();
        for (int i = 0; i < Images.Count; i++)
        {
            var scores = ScoresOf(i);
            var truth = TargetsOf(i);
            int worst = -1;
            double error = -1;
            var falsePositives = new List<string>();
            var missed = new List<string>();
            for (int l = 0; l < Labels.Count; l++)
            {
                bool predicted = Decoder.Gives(l, scores[l]), actual = truth[l] >= 0.5f;
                if (predicted == actual) continue;
                (predicted ? falsePositives : missed).Add(Labels[l]);
                double e = Math.Abs(scores[l] - truth[l]);
                if (e > error) (worst, error) = (l, e);
            }
            if (worst >= 0)
                mistakes.Add(new ImageMistake(i, Images[i], PredictedLabels(i), falsePositives, missed, Labels[worst], scores[worst], error));
        }
        return mistakes.OrderByDescending(m => m.Error).ThenBy(m => m.Index).ToArray();
    }

    /// <summary>The <paramref name="count"/> most confident of <see cref="Mistakes"/>.</summary>
    public IReadOnlyList<ImageMistake> MostConfidentlyWrong(int count = 12)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Mistakes().Take(count).ToArray();
    }

    /// <summary>
    /// The given labels the model contradicts most confidently — a label the image carries scored below
    /// <paramref name="low"/>, or one it does not carry scored above <paramref name="high"/> — most confident first
    /// (then by position and output order): where a user cleaning the data should look first.
    /// </summary>
    public IReadOnlyList<SuspectLabel> SuspectLabels(float low = 0.05f, float high = 0.95f)
    {
        var suspects = new List<SuspectLabel>();
        for (int i = 0; i < Images.Count; i++)
        {
            var scores = ScoresOf(i);
            var truth = TargetsOf(i);
            for (int l = 0; l < Labels.Count; l++)
            {
                bool given = truth[l] >= 0.5f;
                if (given ? scores[l] < low : scores[l] > high) suspects.Add(new SuspectLabel(i, Images[i], Labels[l], given, scores[l]));
            }
        }
        return suspects.OrderByDescending(s => s.Confidence).ThenBy(s => s.Index).ToArray();
    }
}
