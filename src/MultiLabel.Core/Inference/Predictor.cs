using MultiLabel.Data;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Inference;

/// <summary>
/// A trained model ready to label images: loads a <c>model.mlpkg</c>, decodes images in parallel,
/// runs them through an engine in batches and turns probabilities into labels with the model's
/// per-label thresholds. Safe to call from several threads (calls into the engine are serialised).
/// </summary>
public sealed class Predictor : IDisposable
{
    private readonly IPredictionEngine engine;
    private readonly Lock gate = new();
    private readonly int threads;
    private readonly LabelDecoder decoder;
    private readonly Func<Explainer>? loadExplainer;
    private Explainer? explainer;

    /// <summary>
    /// Creates a predictor over an engine already built for <paramref name="manifest"/>; <paramref name="explainer"/>
    /// makes the <see cref="Explainer"/> of the same network on first use (without one the predictor cannot explain).
    /// </summary>
    public Predictor(BundleManifest manifest, IPredictionEngine engine, int threads = 0, Func<Explainer>? explainer = null,
        long? maxPixels = null)
    {
        if (maxPixels is < 1) throw new SettingException(nameof(PredictorOptions.MaxPixels), $"MaxPixels {maxPixels} must be 1 or more.");
        Manifest = manifest;
        MaxPixels = maxPixels ?? ImageDecoder.DefaultMaxPixelsFor(manifest.ImageSize);
        this.engine = engine;
        this.threads = threads;
        loadExplainer = explainer;
        Vocabulary = new LabelVocabulary(manifest.Labels);
        if (!Vocabulary.Labels.SequenceEqual(manifest.Labels))
            throw new ModelBundleException("The model's labels are not in vocabulary order; the bundle was not written by MultiLabel.");
        decoder = LabelDecoder.For(manifest);
    }

    /// <summary>Loads the bundle at <paramref name="path"/> with the engine <paramref name="options"/> name.</summary>
    /// <exception cref="ModelBundleException">The file is missing, damaged or not a model bundle.</exception>
    /// <exception cref="SettingException">The engine or device asked for cannot run here.</exception>
    public static Predictor Load(string path, PredictorOptions? options = null)
    {
        options ??= new PredictorOptions();
        var engine = options.Engine;
        if (engine == InferenceEngine.Onnx && options.Device == ComputeDevice.Cuda)
            throw new SettingException(nameof(PredictorOptions.Engine),
                "Engine onnx runs on the CPU only (this build has no CUDA ONNX Runtime); set Device to cpu, or Engine to torch for CUDA.",
                nameof(PredictorOptions.Device));
        if (engine == InferenceEngine.Auto)
        {
            // Where the CPU is asked for, or this build carries no CUDA libtorch, there is no need to load libtorch to find out.
            bool cuda = options.Device != ComputeDevice.Cpu && TorchRuntime.CudaBuild
                        && TorchRuntime.ResolveDevice(options.Device).type == TorchSharp.DeviceType.CUDA;
            engine = cuda ? InferenceEngine.Torch : InferenceEngine.Onnx;
        }
        if (engine == InferenceEngine.Onnx) return LoadOnnx(path, options);
        TorchRuntime.Configure(options.Threads);
        var device = TorchRuntime.ResolveDevice(options.Device);
        var (manifest, network) = ModelBundle.Load(path, device);
        // The explainer shares the engine's network (both in evaluation mode; calls are serialised by the predictor).
        return new Predictor(manifest, new TorchEngine(network, manifest, device), options.Threads,
            () => new Explainer(network, manifest, device, ownsNetwork: false), options.MaxPixels);
    }

    /// <summary>
    /// Opens the bundle's ONNX form with ONNX Runtime (CPU only), without loading libtorch. A bundle saved without one
    /// (by a training checkpoint, or by an older build) has its network exported in memory instead, as before.
    /// </summary>
    private static Predictor LoadOnnx(string path, PredictorOptions options)
    {
        var (manifest, onnx) = ModelBundle.ReadOnnx(path);
        var engine = onnx is not null ? new OnnxEngine(onnx, manifest, options.Threads) : ExportInMemory(path, options);
        // ONNX Runtime computes no gradients: explanations load the bundle's torch network when first asked for.
        return new Predictor(manifest, engine, options.Threads, () => Explainer.Load(path, ComputeDevice.Cpu, options.Threads),
            options.MaxPixels);
    }

    private static OnnxEngine ExportInMemory(string path, PredictorOptions options)
    {
        TorchRuntime.EnsureLoaded();
        var (manifest, network) = ModelBundle.Load(path);
        using (network) return OnnxEngine.Create(network, manifest, options.Threads);
    }

    /// <summary>The model's manifest: architecture, input size, labels, thresholds, training record.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>The labels, in output order.</summary>
    public LabelVocabulary Vocabulary { get; }

    /// <summary>The engine that runs the network.</summary>
    public InferenceEngine Engine => engine.Kind;

    /// <summary>The pixel budget per image: larger images are refused from their header, before decoding.</summary>
    public long MaxPixels { get; }

    /// <summary>Side length images are decoded to.</summary>
    public int ImageSize => Manifest.ImageSize;

    /// <summary>Labels the images at <paramref name="paths"/>; an unreadable file gets an error in its place.</summary>
    public IReadOnlyList<Prediction> PredictFiles(IReadOnlyList<string> paths, PredictOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<Prediction>(paths.Count);
        foreach (var prediction in StreamFiles(paths, options, cancellationToken))
        {
            results.Add(prediction);
            if (results.Count % Math.Max(1, options?.BatchSize ?? 32) == 0 || results.Count == paths.Count) progress?.Report(results.Count);
        }
        return results;
    }

    /// <summary>
    /// Labels the images at <paramref name="paths"/> as a stream, in order: files are decoded a batch at a time on a
    /// background thread while the model runs on the batch before, so memory holds a few batches however many files
    /// there are. An unreadable file gets an error in its place.
    /// </summary>
    public IEnumerable<Prediction> StreamFiles(IReadOnlyList<string> paths, PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PredictOptions();
        var records = new ImageRecord[paths.Count];
        for (int i = 0; i < records.Length; i++) records[i] = new ImageRecord(paths[i], []);
        var uncached = new ImageCache(null);
        foreach (var batch in uncached.Stream(records, ImageSize, ImageSize, Math.Max(1, options.BatchSize), cancellationToken, threads, maxPixels: MaxPixels))
        {
            var probabilities = batch.Decoded.Count > 0 ? PredictBatch(batch.Pixels.Span, batch.Decoded.Count) : [];
            var results = new Prediction[batch.Count];
            foreach (var (index, file) in batch.Failed) results[index - batch.Start] = new Prediction(paths[index], [], new Dictionary<string, float>(), file.Reason);
            for (int j = 0; j < batch.Decoded.Count; j++)
                results[batch.Decoded[j] - batch.Start] = Decide(paths[batch.Decoded[j]], probabilities.AsSpan(j * Vocabulary.Count, Vocabulary.Count), options);
            foreach (var result in results) yield return result;
        }
    }

    /// <summary>Labels encoded images (JPEG, PNG, …) given as bytes; <paramref name="names"/> label the results.</summary>
    public IReadOnlyList<Prediction> PredictEncoded(IReadOnlyList<byte[]> images, IReadOnlyList<string>? names = null, PredictOptions? options = null) =>
        Predict(images.Count, i => names?[i] ?? $"image {i + 1}", i => ImageDecoder.Decode(images[i], ImageSize, ImageSize, MaxPixels), options, null, default);

    /// <summary>
    /// Probabilities (row-major <c>[N, labels]</c>) of images already decoded at <see cref="ImageSize"/>;
    /// <paramref name="progress"/> hears the number of images done after each batch.
    /// </summary>
    public float[] PredictProbabilities(DecodedImages images, int batchSize = 32, CancellationToken cancellationToken = default,
        IProgress<int>? progress = null)
    {
        if (images.Width != ImageSize || images.Height != ImageSize)
            throw new ArgumentException($"Images must be decoded at {ImageSize}×{ImageSize} for this model, not {images.Width}×{images.Height}.");
        var result = new float[images.Count * Vocabulary.Count];
        if (images.Count == 0) return result;
        using var reader = new BatchReadAhead(images, Enumerable.Range(0, images.Count).ToArray(), Math.Max(1, batchSize));
        for (int b = 0; b < reader.Batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pixels = reader.Next(out _);
            int count = reader.Indices(b).Length, start = b * Math.Max(1, batchSize);
            Run(pixels, count).CopyTo(result, start * Vocabulary.Count);
            progress?.Report(start + count);
        }
        return result;
    }

    /// <summary>
    /// Probabilities (row-major <c>[count, labels]</c>) of <paramref name="count"/> images decoded at <see cref="ImageSize"/>
    /// and stored back to back in <paramref name="pixels"/> (<c>[count,3,size,size]</c> bytes), in one engine call.
    /// </summary>
    public float[] PredictBatch(ReadOnlySpan<byte> pixels, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (pixels.Length < count * 3 * ImageSize * ImageSize)
            throw new ArgumentException($"{count} images at {ImageSize}×{ImageSize} need {count * 3 * ImageSize * ImageSize} bytes, not {pixels.Length}.", nameof(pixels));
        return Run(pixels, count);
    }

    /// <summary>
    /// Probabilities (row-major <c>[N, labels]</c>) of single images already decoded at <see cref="ImageSize"/>
    /// (<see cref="ImageDecoder.Decode(byte[], int, int, long)"/>), one engine call per <paramref name="batchSize"/> images.
    /// </summary>
    public float[] PredictProbabilities(IReadOnlyList<DecodedImage> images, int batchSize = 32)
    {
        if (images.FirstOrDefault(i => i.Width != ImageSize || i.Height != ImageSize) is { } wrong)
            throw new ArgumentException($"Images must be decoded at {ImageSize}×{ImageSize} for this model, not {wrong.Width}×{wrong.Height}.");
        int imageBytes = 3 * ImageSize * ImageSize;
        return RunBatches(images.Count, batchSize, (start, count, buffer) =>
        {
            for (int i = 0; i < count; i++) images[start + i].Pixels.CopyTo(buffer, i * imageBytes);
        }, null, default);
    }

    /// <summary>
    /// Probabilities of <paramref name="total"/> images, one engine call per <paramref name="batchSize"/> of them;
    /// <paramref name="fill"/> copies images <c>start…start+count−1</c> into the batch buffer.
    /// </summary>
    private float[] RunBatches(int total, int batchSize, Action<int, int, byte[]> fill, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        batchSize = Math.Max(1, batchSize);
        var result = new float[total * Vocabulary.Count];
        var buffer = new byte[Math.Min(batchSize, total) * 3 * ImageSize * ImageSize];
        for (int start = 0; start < total; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, total - start);
            fill(start, count, buffer);
            Run(buffer, count).CopyTo(result, start * Vocabulary.Count);
            progress?.Report(start + count);
        }
        return result;
    }

    /// <summary>The decoder of this model's labels: its thresholds, or <paramref name="threshold"/> for every label.</summary>
    public LabelDecoder Decoder(float? threshold = null) => threshold is null ? decoder : LabelDecoder.For(Manifest, threshold);

    /// <summary>Turns one image's probabilities into a prediction.</summary>
    /// <remarks>
    /// A score that is not a number (NaN or infinite: a damaged or diverged model) makes the prediction an error for this
    /// image, naming the labels concerned, instead of labels decided from numbers that mean nothing.
    /// </remarks>
    public Prediction Decide(string source, ReadOnlySpan<float> probabilities, PredictOptions? options = null)
    {
        options ??= new PredictOptions();
        var broken = new List<string>();
        for (int i = 0; i < Vocabulary.Count; i++)
            if (!float.IsFinite(probabilities[i])) broken.Add($"{Vocabulary.Labels[i]} {probabilities[i]}");
        if (broken.Count > 0)
            return new Prediction(source, [], new Dictionary<string, float>(),
                $"the model gave no number for {broken.Count} of its {Vocabulary.Count} labels ({string.Join(", ", broken.Take(3))}" +
                (broken.Count > 3 ? ", …" : "") + "); its weights are damaged or its training diverged, so retrain it");
        var scores = new Dictionary<string, float>(Vocabulary.Count);
        for (int i = 0; i < Vocabulary.Count; i++) scores[Vocabulary.Labels[i]] = probabilities[i];
        return new Prediction(source, Decoder(options.Threshold).Decode(probabilities, options.TopK), scores);
    }

    private IReadOnlyList<Prediction> Predict(int count, Func<int, string> name, Func<int, DecodedImage> decode,
        PredictOptions? options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        options ??= new PredictOptions();
        int batchSize = Math.Max(1, options.BatchSize);
        int imageBytes = 3 * ImageSize * ImageSize;
        var results = new Prediction[count];
        var buffer = new byte[batchSize * imageBytes];
        for (int start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Math.Min(batchSize, count - start);
            var decoded = new DecodedImage?[n];
            var errors = new string?[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, i =>
            {
                try { decoded[i] = decode(start + i); }
                catch (ImageDecodeException e) { errors[i] = e.Message; }
            });
            var ok = Enumerable.Range(0, n).Where(i => decoded[i] != null).ToArray();
            for (int j = 0; j < ok.Length; j++) decoded[ok[j]]!.Pixels.CopyTo(buffer, j * imageBytes);
            float[] probabilities = ok.Length > 0 ? Run(buffer, ok.Length) : [];
            for (int i = 0; i < n; i++)
                if (errors[i] is { } error) results[start + i] = new Prediction(name(start + i), [], new Dictionary<string, float>(), error);
            for (int j = 0; j < ok.Length; j++)
                results[start + ok[j]] = Decide(name(start + ok[j]), probabilities.AsSpan(j * Vocabulary.Count, Vocabulary.Count), options);
            progress?.Report(start + n);
        }
        return results;
    }

    /// <summary>True when this predictor can explain its decisions (<see cref="Explain"/>): it was loaded from a bundle.</summary>
    public bool CanExplain => loadExplainer != null;

    /// <summary>
    /// The Grad-CAM heat maps (see <see cref="Inference.Explainer"/>) of <paramref name="images"/>, decoded at
    /// <see cref="ImageSize"/>, for the labels <paramref name="labels"/> names per image. The ONNX engine hands this to
    /// the bundle's torch network, loaded on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The predictor was built without a way to explain (see <see cref="CanExplain"/>).</exception>
    public HeatMap[][] Explain(IReadOnlyList<DecodedImage> images, IReadOnlyList<IReadOnlyList<string>> labels, int batchSize = 32)
    {
        lock (gate)
        {
            explainer ??= (loadExplainer ?? throw new InvalidOperationException(
                "This predictor was built over an engine alone, so it cannot explain; load it from a bundle with Predictor.Load."))();
            return explainer.Explain(images, labels, batchSize);
        }
    }

    private float[] Run(ReadOnlySpan<byte> pixels, int count)
    {
        lock (gate) return engine.Predict(pixels, count);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        explainer?.Dispose();
        engine.Dispose();
    }
}
