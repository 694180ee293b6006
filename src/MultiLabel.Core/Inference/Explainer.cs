using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Inference;

/// <summary>
/// Grad-CAM (Selvaraju et al. 2017) per label, for a batch at once, on the torch network of a bundle. The network
/// runs up to its last convolutional stage (<see cref="MultiLabelNetwork.ForwardToLastStage"/>) without gradients;
/// those activations <c>A [N,C,h,w]</c> become a leaf that takes gradients, and the rest of the network
/// (<see cref="MultiLabelNetwork.ForwardFromLastStage"/>) gives the logits. One <em>round</em> picks one label per image
/// and takes the gradient of the sum of those logits once: images are independent of each other in evaluation mode,
/// so that one backward pass through the head gives every image its own <c>dA</c>. Each channel's weight is the
/// spatial mean of <c>dA</c>; the map is <c>ReLU(Σ_c w_c A_c)</c>, scaled to 0–1 per map and resized to the input
/// size (bilinear). An image asking for k labels takes k rounds; the rounds share the forward pass.
/// </summary>
/// <remarks>
/// Like pytorch-grad-cam, a map is min–max scaled after the ReLU, so its strongest pixel is 1 whatever the score:
/// a map shows <em>where</em> the evidence is, the score says how strong it is. Calls are serialised.
/// </remarks>
public sealed class Explainer : IDisposable
{
    private readonly MultiLabelNetwork network;
    private readonly bool ownsNetwork;
    private readonly Device device;
    private readonly Tensor multiplier;
    private readonly Tensor offset;
    private readonly PixelStaging staging = new();
    private readonly Lock gate = new();
    private readonly LabelVocabulary vocabulary;

    /// <summary>
    /// Explains <paramref name="network"/> (already on <paramref name="device"/>), fed as <paramref name="manifest"/> says;
    /// disposing the explainer disposes the network only when <paramref name="ownsNetwork"/>.
    /// </summary>
    public Explainer(MultiLabelNetwork network, BundleManifest manifest, Device device, bool ownsNetwork = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(manifest);
        this.network = network;
        this.ownsNetwork = ownsNetwork;
        this.device = device;
        Manifest = manifest;
        vocabulary = new LabelVocabulary(manifest.Labels);
        multiplier = tensor(manifest.Normalization.Multiplier()).reshape(1, 3, 1, 1).to(device);
        offset = tensor(manifest.Normalization.Offset()).reshape(1, 3, 1, 1).to(device);
        network.eval();
    }

    /// <summary>Loads the torch network of the bundle at <paramref name="path"/> for explanations.</summary>
    /// <exception cref="ModelBundleException">The file is missing, damaged or not a model bundle.</exception>
    /// <exception cref="SettingException">The device asked for is not there.</exception>
    public static Explainer Load(string path, ComputeDevice device = ComputeDevice.Auto, int threads = 0)
    {
        TorchRuntime.Configure(threads);
        var torchDevice = TorchRuntime.ResolveDevice(device);
        var (manifest, network) = ModelBundle.Load(path, torchDevice);
        return new Explainer(network, manifest, torchDevice);
    }

    /// <summary>The manifest of the model explained.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>Side length of the square input, and of every map.</summary>
    public int ImageSize => Manifest.ImageSize;

    /// <summary>
    /// The maps of <paramref name="images"/> (decoded at <see cref="ImageSize"/>), for the labels <paramref name="labels"/>
    /// names per image (each a label of the model), <paramref name="batchSize"/> images per forward pass. The result
    /// holds one array per image, its maps in the order asked for.
    /// </summary>
    /// <exception cref="ArgumentException">A label is not one of the model's, or an image is not at the input size.</exception>
    public HeatMap[][] Explain(IReadOnlyList<DecodedImage> images, IReadOnlyList<IReadOnlyList<string>> labels, int batchSize = 32)
    {
        if (images.Count != labels.Count)
            throw new ArgumentException($"Got {images.Count} images but {labels.Count} label lists; give one list per image.", nameof(labels));
        if (images.FirstOrDefault(i => i.Width != ImageSize || i.Height != ImageSize) is { } wrong)
            throw new ArgumentException($"Images must be decoded at {ImageSize}×{ImageSize} for this model, not {wrong.Width}×{wrong.Height}.", nameof(images));
        var indices = labels.Select(list => (IReadOnlyList<int>)list.Select(IndexOf).ToArray()).ToArray();
        batchSize = Math.Max(1, batchSize);
        int imageBytes = 3 * ImageSize * ImageSize;
        var result = new HeatMap[images.Count][];
        var buffer = new byte[Math.Min(batchSize, Math.Max(1, images.Count)) * imageBytes];
        for (int start = 0; start < images.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, images.Count - start);
            for (int i = 0; i < count; i++) images[start + i].Pixels.CopyTo(buffer, i * imageBytes);
            Explain(buffer, count, indices.AsSpan(start, count).ToArray()).CopyTo(result, start);
        }
        return result;
    }

    /// <summary>
    /// The maps of <paramref name="count"/> images stored back to back in <paramref name="pixels"/> (planar
    /// <c>[count, 3, size, size]</c> bytes), for the label indices (output order) <paramref name="labels"/> gives per image.
    /// One forward pass, one backward pass through the head per round (the most labels any image asks for).
    /// </summary>
    public HeatMap[][] Explain(ReadOnlySpan<byte> pixels, int count, IReadOnlyList<IReadOnlyList<int>> labels)
    {
        if (labels.Count != count) throw new ArgumentException($"Got {count} images but {labels.Count} label lists.", nameof(labels));
        foreach (var list in labels)
            foreach (int label in list)
                if (label < 0 || label >= vocabulary.Count)
                    throw new ArgumentOutOfRangeException(nameof(labels), label, $"Label index {label} is out of range: the model has {vocabulary.Count} labels.");
        var result = labels.Select(l => new HeatMap[l.Count]).ToArray();
        int rounds = labels.Count == 0 ? 0 : labels.Max(l => l.Count);
        if (rounds == 0) return result;
        lock (gate)
        {
            using var scope = NewDisposeScope();
            Tensor activations;
            using (no_grad())
            {
                var staged = staging.Get(count, ImageSize, ImageSize);
                pixels[..(count * 3 * ImageSize * ImageSize)].CopyTo(staged.bytes);
                var input = staged.to(device).to(ScalarType.Float32).mul_(multiplier).add_(offset);
                activations = network.ForwardToLastStage(input).detach();
            }
            using var grad = enable_grad();
            activations.requires_grad_(true);
            var logits = network.ForwardFromLastStage(activations);
            var scores = logits.detach().sigmoid().cpu().data<float>().ToArray();
            for (int round = 0; round < rounds; round++)
            {
                var chosen = new long[count];
                var asked = new float[count];
                for (int i = 0; i < count; i++)
                    if (round < labels[i].Count) (chosen[i], asked[i]) = (labels[i][round], 1f);
                var picked = logits.gather(1, tensor(chosen, device: device).unsqueeze(1)).squeeze(1).mul(tensor(asked, device: device)).sum();
                var gradient = autograd.grad([picked], [activations], retain_graph: round < rounds - 1)[0];
                var maps = Maps(activations.detach(), gradient).data<float>().ToArray();
                int plane = ImageSize * ImageSize;
                for (int i = 0; i < count; i++)
                {
                    if (round >= labels[i].Count) continue;
                    int label = labels[i][round];
                    result[i][round] = new HeatMap(vocabulary.Labels[label], scores[i * vocabulary.Count + label], ImageSize, ImageSize,
                        maps.AsSpan(i * plane, plane).ToArray());
                }
            }
        }
        return result;
    }

    /// <summary>ReLU(Σ_c mean(dA_c)·A_c) per image, min–max scaled, resized to the input size: <c>[N, size, size]</c> on the CPU.</summary>
    private Tensor Maps(Tensor activations, Tensor gradient)
    {
        var weights = gradient.mean([2, 3], keepdim: true);
        var cam = (weights * activations).sum(1, keepdim: true).relu();
        var low = cam.amin([2, 3], keepdim: true);
        var high = cam.amax([2, 3], keepdim: true);
        cam = (cam - low) / (high - low + 1e-7f);
        var resized = nn.functional.interpolate(cam, [ImageSize, ImageSize], mode: InterpolationMode.Bilinear, align_corners: false);
        return resized.squeeze(1).clamp(0f, 1f).cpu();
    }

    private int IndexOf(string label) =>
        vocabulary.IndexOf(label) is var index and >= 0 ? index
            : throw new ArgumentException($"'{label}' is not a label of this model; its labels are {string.Join(", ", vocabulary.Labels)}.", nameof(label));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ownsNetwork) network.Dispose();
        multiplier.Dispose();
        offset.Dispose();
        staging.Dispose();
    }
}
