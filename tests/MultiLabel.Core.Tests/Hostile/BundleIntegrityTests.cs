using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MultiLabel.Inference;
using MultiLabel.Persistence;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, item 5: damaged and forged bundles are refused on load with "FILE is damaged: …", never used and never a trace.</summary>
public class BundleIntegrityTests
{
    private static readonly Lazy<byte[]> Pristine = new(() =>
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        TestBundle.Save(path);
        return File.ReadAllBytes(path);
    });

    [Fact]
    public void A_flipped_bit_anywhere_in_the_weights_is_detected_on_load()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        var (offset, length) = ZipLayout.StoredData(Pristine.Value, "weights.bin");
        // Every byte would take minutes; 200 evenly spread positions plus both ends, each bit position in turn.
        var positions = Enumerable.Range(0, 200).Select(i => (long)i * (length - 1) / 199).Distinct().ToArray();
        foreach (long position in positions)
        {
            byte[] damaged = (byte[])Pristine.Value.Clone();
            damaged[offset + position] ^= (byte)(1 << (int)(position % 8));
            File.WriteAllBytes(path, damaged);

            var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Verify(path));
            Assert.Equal($"{path} is damaged: weights.bin does not match its CRC-32 checksum", error.Message[..error.Message.IndexOf(" (stored", StringComparison.Ordinal)]);
        }
        Assert.Throws<ModelBundleException>(() => Predictor.Load(path, new PredictorOptions { Engine = InferenceEngine.Onnx, Threads = 1 }));
        Assert.Throws<ModelBundleException>(() => Predictor.Load(path, new PredictorOptions { Engine = InferenceEngine.Torch, Threads = 1 }));
    }

    [Fact]
    public void Weights_replaced_with_a_valid_crc_are_caught_by_the_manifests_sha256()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllBytes(path, Pristine.Value);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("weights.bin")!.Delete();
            using var weights = zip.CreateEntry("weights.bin").Open();
            weights.Write([1, 2, 3]);
        }

        var error = Assert.Throws<ModelBundleException>(() => Predictor.Load(path, new PredictorOptions { Engine = InferenceEngine.Onnx, Threads = 1 }));

        Assert.Equal($"{path} is damaged: weights.bin does not match the SHA-256 its manifest records; use an undamaged copy of it, or train again.", error.Message);
    }

    [Fact]
    public void A_manifest_that_inflates_past_its_cap_is_refused_before_it_is_read()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllBytes(path, Pristine.Value);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("manifest.json")!.Delete();
            using var manifest = zip.CreateEntry("manifest.json", CompressionLevel.Fastest).Open();
            manifest.Write(Encoding.ASCII.GetBytes("{\"labels\": [\""));
            var letters = new byte[17 << 20];
            Array.Fill(letters, (byte)'a');
            manifest.Write(letters);
        }
        using (var zip = ZipFile.OpenRead(path)) Assert.True(zip.GetEntry("manifest.json")!.CompressedLength < 1 << 20); // small on disk

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest(path));

        Assert.StartsWith($"{path} is damaged: manifest.json declares 17,825,805 bytes, more than a MultiLabel bundle holds there (16,777,216 at most)", error.Message);
    }

    [Fact]
    public void A_manifest_that_inflates_past_the_size_it_declares_is_refused()
    {
        byte[] bytes = Rewrite(Pristine.Value, "manifest.json", Encoding.UTF8.GetBytes(new string(' ', 1 << 20) + "{}"), CompressionLevel.Optimal);
        ZipLayout.DeclareSize(bytes, "manifest.json", 100);
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest(path));

        Assert.StartsWith($"{path} is damaged: manifest.json", error.Message);
    }

    [Theory]
    [InlineData("image_size", "0", "image_size 0 is outside 8–4096 pixels")]
    [InlineData("image_size", "1000000", "image_size 1000000 is outside 8–4096 pixels")]
    [InlineData("thresholds", "[2.0,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]", "the threshold of 'black' is 2, not a probability from 0 to 1")]
    [InlineData("thresholds", "[-1,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]", "the threshold of 'black' is -1, not a probability from 0 to 1")]
    [InlineData("thresholds", "[\"NaN\",0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]", "the threshold of 'black' is NaN, not a probability from 0 to 1")]
    [InlineData("thresholds", "[0.5]", "it has 11 labels but 1 thresholds")]
    [InlineData("labels", "[\"a\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]", "labels names 'a' twice")]
    [InlineData("normalization", "{\"scale\":1,\"mean\":[0,0],\"std\":[1,1,1]}", "normalization needs three means and three deviations (R, G, B)")]
    [InlineData("normalization", "{\"scale\":1,\"mean\":[0,0,0],\"std\":[1,0,1]}", "normalization std holds a value that is not a positive number")]
    public void Every_manifest_value_is_checked(string field, string json, string problem)
    {
        var manifest = JsonNode.Parse(Entry(Pristine.Value, "manifest.json"))!;
        manifest[field] = JsonNode.Parse(json);
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllBytes(path, Rewrite(Pristine.Value, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString()), CompressionLevel.Optimal));

        var error = Assert.Throws<ModelBundleException>(() => Predictor.Load(path, new PredictorOptions { Engine = InferenceEngine.Onnx, Threads = 1 }));

        Assert.Equal($"{path} is damaged: in its manifest.json, {problem}; use an undamaged copy of it, or train again.", error.Message);
    }

    [Fact]
    public void A_bundle_from_before_sha256_loads_checked_by_its_crcs_and_a_flipped_bit_in_it_is_still_caught()
    {
        string fixture = Path.Combine(TestData.RepoRoot, "tests", "Fixtures", "bundle-v1", "model.mlpkg");
        var (manifest, integrity) = ModelBundle.Verify(fixture);
        Assert.Null(manifest.Integrity);
        Assert.Equal(BundleIntegrity.CrcOnly, integrity);

        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        byte[] damaged = File.ReadAllBytes(fixture);
        var (offset, length) = ZipLayout.StoredData(damaged, "weights.bin");
        damaged[offset + length / 2] ^= 0x10;
        File.WriteAllBytes(path, damaged);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Verify(path));
        Assert.StartsWith($"{path} is damaged: weights.bin does not match its CRC-32 checksum", error.Message);
    }

    [Fact]
    public void A_new_bundle_records_the_sha256_of_its_binary_entries()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        File.WriteAllBytes(path, Pristine.Value);

        var (manifest, integrity) = ModelBundle.Verify(path);

        Assert.Equal(BundleIntegrity.Sha256, integrity);
        Assert.Equal(["model.onnx", "weights.bin"], manifest.Integrity!.Keys.Order(StringComparer.Ordinal));
        Assert.All(manifest.Integrity.Values, v => Assert.Matches("^sha256:[0-9a-f]{64}$", v));
    }

    private static string Entry(byte[] zipBytes, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The archive with <paramref name="name"/>'s content replaced (a fresh entry with a correct CRC).</summary>
    private static byte[] Rewrite(byte[] zipBytes, string name, byte[] content, CompressionLevel level)
    {
        var copy = new MemoryStream();
        copy.Write(zipBytes);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name, level).Open();
            entry.Write(content);
        }
        return copy.ToArray();
    }
}
