using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Training;
using TorchSharp;

namespace MultiLabel.Tests.Inference;

/// <summary>
/// A SmallerVGGNet trained for a few seconds on <see cref="QuadrantImages"/> (it learns where each label's square is),
/// saved as a bundle once for the explainer tests.
/// </summary>
public sealed class QuadrantModel : IDisposable
{
    private readonly TempFolder folder = TestData.NewTempFolder();

    public QuadrantModel()
    {
        // One libtorch thread, as the other training tests use (Training.TinyData.Threads): on a busy machine two threads
        // spin at every operator's barrier waiting for each other, which made an epoch of these tiny batches take 20 s instead of under 1.
        TorchRuntime.Configure(Training.TinyData.Threads);
        var train = QuadrantImages.Make(128, seed: 1);
        var validation = QuadrantImages.Make(32, seed: 2);
        var options = TrainingOptions.Default with
        {
            Model = "smallervggnet",
            ImageSize = QuadrantImages.Size,
            Epochs = Epochs,
            BatchSize = 8,
            LearningRate = 1e-3,
            HeadLearningRate = null,
            Augmentation = AugmentationOptions.None,
            Seed = 3,
        };
        Manifest = BundleManifest.For(options.Model, options.InputSize, QuadrantImages.Labels);
        torch.random.manual_seed(3);
        using var network = ModelRegistry.Get(options.Model).Create(new ModelRequest(2, options.InputSize, LoadPretrainedWeights: false));
        using (var learner = new Learner(network, options, torch.CPU))
            History = learner.Fit(new LabeledImages(train, QuadrantImages.Targets(train), 2),
                new LabeledImages(validation, QuadrantImages.Targets(validation), 2), [], "quadrants");
        RecalibrateBatchNorm(network, train);
        Path = folder.Combine("quadrants.mlpkg");
        ModelBundle.Save(Path, Manifest, network);
    }

    public const int Epochs = 8;

    /// <summary>The bundle file.</summary>
    public string Path { get; }

    public BundleManifest Manifest { get; }

    public History History { get; }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// Re-estimates every batch norm's running statistics over the training images (an exact average, dropout off), as
    /// SWA's <c>update_bn</c> does: SmallerVGGNet keeps Keras' momentum (0.99), whose running statistics need far more
    /// steps than a seconds-long test trains for, and evaluation-mode outputs are only as good as those statistics.
    /// </summary>
    private static void RecalibrateBatchNorm(MultiLabelNetwork network, MultiLabel.Data.DecodedImages images)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.train();
        foreach (var module in network.modules())
        {
            if (module is TorchSharp.Modules.Dropout) module.eval();
            if (module is TorchSharp.Modules.BatchNorm norm)
            {
                norm.reset_running_stats();
                norm.momentum = null;
            }
        }
        var pixels = new byte[images.Count * images.ImageBytes];
        images.CopyBatch(Enumerable.Range(0, images.Count).ToArray(), pixels);
        var input = torch.tensor(pixels).reshape(images.Count, 3, images.Height, images.Width).to(torch.float32).div_(255f);
        network.forward(input);
        network.eval();
    }
}

/// <summary>
/// The explainer tests run alone: the model trains on libtorch's process-wide generator and thread count, and the
/// randomised-weights check draws from the generator too, so no other test may draw or change threads meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuadrantModelCollection : ICollectionFixture<QuadrantModel>
{
    public const string Name = "quadrant model";
}
