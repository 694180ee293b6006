using Microsoft.ML.OnnxRuntime;
using MultiLabel.Onnx;
using MultiLabel.Persistence;
using MultiLabel.Tests.Onnx;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace MultiLabel.Tests.Persistence;

public class ModelExportTests
{
    [Fact]
    public void The_file_loads_in_onnx_runtime_alone_and_its_metadata_names_the_labels()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("out", "model.onnx");
        using var network = ExportFixtures.Network("smallervggnet", 24, seed: 3);
        var manifest = ExportFixtures.Manifest("smallervggnet", 24);

        ModelExport.Save(path, network, manifest);

        Assert.Equal([path], Directory.GetFiles(folder.Combine("out")));
        using var session = new InferenceSession(path);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("[\"black\",\"blue\",\"dress\",\"green\",\"pants\",\"red\",\"shirt\",\"shoes\",\"shorts\",\"white\"]", metadata["labels"]);
        Assert.Equal("[0.5,0.25,0.5,0.75,0.5,0.5,0.5,0.5,0.5,0.4]", metadata["thresholds"]);
        Assert.Equal("24", metadata["image_size"]);
        Assert.Equal("smallervggnet", metadata["architecture"]);
        Assert.Equal("{\"scale\":0.003921569,\"mean\":[0,0,0],\"std\":[1,1,1]}", metadata["normalization"]);
        var input = session.InputMetadata["pixels"];
        Assert.Equal(TensorElementType.UInt8, input.ElementDataType);
        Assert.Equal([-1, 24, 24, 3], input.Dimensions);
        Assert.Equal([-1, 10], session.OutputMetadata["probabilities"].Dimensions);
    }

    [Fact]
    public void A_manifest_that_does_not_fit_the_network_is_refused()
    {
        using var network = ExportFixtures.Network("smallervggnet", 24, seed: 4);
        var manifest = ExportFixtures.Manifest("smallervggnet", 24) with { Labels = ["a", "b"], Thresholds = [0.5f, 0.5f] };

        var error = Assert.Throws<OnnxExportException>(() => ModelExport.Export(network, manifest));

        Assert.Contains("2 labels", error.Message);
        Assert.Contains("10", error.Message);
    }
}
