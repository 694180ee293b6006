using System.IO.Compression;
using System.Text.Json.Nodes;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Tests.Persistence;

[Collection(TestModelCollection.Name)]
public class ModelBundleTests(TestModel model)
{
    [Fact]
    public void A_saved_bundle_loads_back_with_its_manifest_and_weights()
    {
        var manifest = ModelBundle.ReadManifest(model.Path);
        using var predictor = Predictor.Load(model.Path);

        Assert.Equal(model.Labels, manifest.Labels);
        Assert.Equal(("smallervggnet", 32), (manifest.Architecture, manifest.ImageSize));
        Assert.Equal(model.Labels.Count, predictor.PredictFiles([TestData.BadInput("black_dress/ok_1.jpg")])[0].Scores.Count);
    }

    [Fact]
    public void A_reloaded_network_computes_what_the_saved_one_did()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        using var network = ModelRegistry.Get("resnet18").Create(new ModelRequest(3, 32));
        network.eval();
        ModelBundle.Save(path, BundleManifest.For("resnet18", 32, ["black", "dress", "red"], thresholds: [0.5f, 0.4f, 0.6f])
            with { Metrics = new Dictionary<string, double> { ["val_loss"] = 0.25 } }, network);

        var (manifest, loaded) = ModelBundle.Load(path);
        using (loaded)
        using (var noGrad = torch.no_grad())
        {
            using var input = torch.rand(2, 3, 32, 32);
            Assert.True(network.forward(input).allclose(loaded.forward(input), rtol: 0, atol: 1e-6));
        }
        Assert.Equal([0.5f, 0.4f, 0.6f], manifest.Thresholds);
        Assert.Equal(0.25, manifest.Metrics["val_loss"]);
        Assert.True(manifest.Normalization.SameAs(Normalization.ImageNet));
    }

    [Fact]
    public void A_bundle_saved_from_a_network_carries_its_onnx_form_and_one_saved_from_weights_alone_does_not()
    {
        using var folder = TestData.NewTempFolder();
        using var network = Onnx.ExportFixtures.Network("smallervggnet", 24, seed: 6);
        var manifest = Onnx.ExportFixtures.Manifest("smallervggnet", 24);
        ModelBundle.Save(folder.Combine("with.mlpkg"), manifest, network);
        ModelBundle.Save(folder.Combine("without.mlpkg"), manifest, stream => network.save(stream));

        var (read, onnx) = ModelBundle.ReadOnnx(folder.Combine("with.mlpkg"));
        var (_, none) = ModelBundle.ReadOnnx(folder.Combine("without.mlpkg"));

        Assert.Equal(manifest.Labels, read.Labels);
        Assert.Null(none);
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(onnx!);
        Assert.Equal([-1, 3, 24, 24], session.InputMetadata["pixels"].Dimensions);
        Assert.Equal("[\"black\",\"blue\",\"dress\",\"green\",\"pants\",\"red\",\"shirt\",\"shoes\",\"shorts\",\"white\"]",
            session.ModelMetadata.CustomMetadataMap["labels"]);
    }

    [Fact]
    public void A_missing_file_says_how_to_make_one()
    {
        var error = Assert.Throws<ModelBundleException>(() => Predictor.Load("/nonexistent/model.mlpkg"));

        Assert.Contains("Model file not found: /nonexistent/model.mlpkg", error.Message);
        Assert.Contains("A training run writes its model as model.mlpkg", error.Message);
    }

    [Fact]
    public void A_truncated_bundle_is_called_damaged()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        byte[] bytes = File.ReadAllBytes(model.Path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("damaged (truncated?)", error.Message);
    }

    [Fact]
    public void A_zip_without_a_manifest_is_not_a_bundle()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("other.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            writer.Write("hello");

        var error = Assert.Throws<ModelBundleException>(() => Predictor.Load(path));

        Assert.Equal($"{path} is a ZIP file but not a MultiLabel model bundle (no manifest.json).", error.Message);
    }

    [Fact]
    public void A_newer_format_version_asks_for_an_update()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Copy(model.Path, "newer.mlpkg");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var stream = entry.Open()) manifest = JsonNode.Parse(stream)!;
            manifest["format_version"] = BundleManifest.CurrentFormatVersion + 1;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(manifest.ToJsonString());
        }

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest(path));

        Assert.Contains($"uses bundle format {BundleManifest.CurrentFormatVersion + 1}, newer than this build reads", error.Message);
        Assert.Contains("Update MultiLabel", error.Message);
    }

    [Fact]
    public void A_text_file_is_not_a_bundle()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllText(path, "this is not a model\n");

        var error = Assert.Throws<ModelBundleException>(() => Predictor.Load(path));

        Assert.StartsWith($"{path} is not a MultiLabel model bundle", error.Message);
    }
}
