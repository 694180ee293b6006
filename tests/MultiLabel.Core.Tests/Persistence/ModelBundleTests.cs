using System.IO.Compression;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Tests.Persistence;

public class ModelBundleTests
{
    internal static BundleManifest Manifest(string architecture = "resnet18", int size = 32) => new()
    {
        Architecture = architecture,
        ImageSize = size,
        Normalization = Normalization.ImageNet,
        Labels = ["black", "dress", "red"],
        Thresholds = [0.5f, 0.4f, 0.6f],
        Metrics = new Dictionary<string, double> { ["val_loss"] = 0.25 },
    };

    [Fact]
    public void A_saved_bundle_loads_with_the_same_manifest_and_outputs()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        using var network = ModelRegistry.Get("resnet18").Create(new ModelRequest(3, 32));
        network.eval();
        ModelBundle.Save(path, Manifest(), network);

        var (manifest, loaded) = ModelBundle.Load(path);
        using (loaded)
        using (var noGrad = torch.no_grad())
        {
            using var input = torch.rand(2, 3, 32, 32);
            Assert.True(network.forward(input).allclose(loaded.forward(input), rtol: 0, atol: 1e-6));
        }
        Assert.Equal(["black", "dress", "red"], manifest.Labels);
        Assert.Equal([0.5f, 0.4f, 0.6f], manifest.Thresholds);
        Assert.Equal(0.25, manifest.Metrics["val_loss"]);
        Assert.True(manifest.Normalization.SameAs(Normalization.ImageNet));
    }

    [Fact]
    public void A_missing_file_says_how_to_get_one()
    {
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest("/no/such/model.mlpkg"));
        Assert.Contains("/no/such/model.mlpkg", error.Message);
        Assert.Contains("multilabel train", error.Message);
    }

    [Fact]
    public void Truncated_foreign_and_newer_bundles_are_refused_clearly()
    {
        using var folder = TestData.NewTempFolder();
        string good = folder.Combine("good.mlpkg");
        using (var network = ModelRegistry.Get("resnet18").Create(new ModelRequest(3, 32))) ModelBundle.Save(good, Manifest(), network);

        string truncated = folder.Combine("truncated.mlpkg");
        File.WriteAllBytes(truncated, File.ReadAllBytes(good)[..5000]);
        Assert.Contains("damaged", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(truncated)).Message);

        string text = folder.Combine("notes.mlpkg");
        File.WriteAllText(text, "not a model");
        Assert.Contains("not a MultiLabel model bundle", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(text)).Message);

        string zip = folder.Combine("other.mlpkg");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create)) archive.CreateEntry("readme.txt");
        Assert.Contains("no manifest.json", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(zip)).Message);

        string newer = folder.Combine("newer.mlpkg");
        File.Copy(good, newer);
        using (var archive = ZipFile.Open(newer, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("manifest.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open())) json = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open());
            writer.Write(json.Replace("\"format_version\": 1", "\"format_version\": 99"));
        }
        Assert.Contains("newer", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(newer)).Message);
    }
}
