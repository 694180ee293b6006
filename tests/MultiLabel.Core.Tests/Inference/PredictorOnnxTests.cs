using System.IO.Compression;
using MultiLabel.Inference;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Tests.Onnx;

namespace MultiLabel.Tests.Inference;

public class PredictorOnnxTests
{
    [Fact]
    public void A_bundle_loaded_with_the_onnx_engine_predicts_what_the_torch_engine_does()
    {
        using var folder = TestData.NewTempFolder();
        string bundle = folder.Combine("model.mlpkg");
        using (var network = ExportFixtures.Network("smallervggnet", 24, seed: 11))
            ModelBundle.Save(bundle, ExportFixtures.Manifest("smallervggnet", 24), network);

        AssertSamePredictions(bundle);
        Assert.Equal([bundle], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_bundle_without_an_onnx_form_as_older_builds_wrote_is_exported_in_memory_and_predicts_the_same()
    {
        using var folder = TestData.NewTempFolder();
        string bundle = folder.Combine("model.mlpkg");
        using (var network = ExportFixtures.Network("smallervggnet", 24, seed: 12))
            ModelBundle.Save(bundle, ExportFixtures.Manifest("smallervggnet", 24), stream => network.save(stream));
        Assert.Null(ModelBundle.ReadOnnx(bundle).Onnx);

        AssertSamePredictions(bundle);
    }

    [Fact]
    public void Damaged_weights_are_detected_whichever_engine_opens_the_bundle()
    {
        using var folder = TestData.NewTempFolder();
        string bundle = folder.Combine("model.mlpkg");
        using (var network = ExportFixtures.Network("smallervggnet", 24, seed: 13))
            ModelBundle.Save(bundle, ExportFixtures.Manifest("smallervggnet", 24), network);
        // Replace the weights: the onnx engine never builds the TorchSharp network, but it must not serve a damaged bundle either.
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        {
            zip.GetEntry("weights.bin")!.Delete();
            using var weights = zip.CreateEntry("weights.bin").Open();
            weights.Write([1, 2, 3]);
        }

        foreach (var engine in new[] { InferenceEngine.Onnx, InferenceEngine.Torch })
        {
            var error = Assert.Throws<ModelBundleException>(() => Predictor.Load(bundle, new PredictorOptions { Engine = engine, Threads = 1 }));
            Assert.StartsWith($"{bundle} is damaged: weights.bin does not match the SHA-256 its manifest records", error.Message);
        }
    }

    [Fact]
    public void Auto_runs_onnx_on_the_cpu_whatever_the_job_size()
    {
        using var folder = TestData.NewTempFolder();
        string bundle = folder.Combine("model.mlpkg");
        using (var network = ExportFixtures.Network("smallervggnet", 24, seed: 11))
            ModelBundle.Save(bundle, ExportFixtures.Manifest("smallervggnet", 24), network);

        using var predictor = Predictor.Load(bundle, new PredictorOptions { Device = ComputeDevice.Cpu, Threads = 1 });

        Assert.Equal(InferenceEngine.Onnx, predictor.Engine);
    }

    [Fact]
    public void The_onnx_engine_refuses_cuda_with_what_to_do()
    {
        var error = Assert.Throws<SettingException>(() =>
            Predictor.Load("unused.mlpkg", new PredictorOptions { Engine = InferenceEngine.Onnx, Device = ComputeDevice.Cuda }));

        Assert.Equal(["Engine", "Device"], error.Mentioned);
        Assert.Contains("set Device to cpu, or Engine to torch", error.Message);
    }

    /// <summary>The onnx engine gives the torch engine's labels and, within 1e-4, its scores on real images.</summary>
    private static void AssertSamePredictions(string bundle)
    {
        string[] images = ExportFixtures.ImagePaths();
        using var torchPredictor = Predictor.Load(bundle, new PredictorOptions { Engine = InferenceEngine.Torch, Threads = 1 });
        using var onnxPredictor = Predictor.Load(bundle, new PredictorOptions { Engine = InferenceEngine.Onnx, Threads = 1 });
        var expected = torchPredictor.PredictFiles(images);
        var actual = onnxPredictor.PredictFiles(images);

        Assert.Equal(InferenceEngine.Onnx, onnxPredictor.Engine);
        for (int i = 0; i < images.Length; i++)
        {
            Assert.Equal(expected[i].Labels, actual[i].Labels);
            foreach (var (label, score) in expected[i].Scores)
                Assert.InRange(actual[i].Scores[label], score - 1e-4f, score + 1e-4f);
        }
    }
}
