using Microsoft.ML.OnnxRuntime;
using MultiLabel.Models;
using MultiLabel.Persistence.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace MultiLabel.Tests.Persistence.Onnx;

public class OnnxExporterTests
{
    [Fact]
    public void The_graph_takes_pixels_and_gives_probabilities_with_batch_norm_and_dropout_gone()
    {
        using var network = ExportFixtures.Network("resnet18", 32, seed: 1);

        var model = OnnxExporter.Export(network, ExportFixtures.Manifest("resnet18", 32));

        Assert.Equal((17L, 8L), (model.StandardOpsetVersion!.Value, model.IrVersion));
        Assert.Equal("pixels: UInt8[batch,32,32,3]", Assert.Single(model.Graph.Inputs).ToString());
        Assert.Equal("probabilities: Float[batch,10]", Assert.Single(model.Graph.Outputs).ToString());
        var ops = model.Graph.Nodes.Select(n => n.OpType).ToList();
        Assert.Equal(["Cast", "Transpose", "Mul", "Add", "Conv"], ops.Take(5));
        Assert.Equal(["GlobalAveragePool", "Flatten", "Gemm", "Sigmoid"], ops.TakeLast(4));
        Assert.Equal(20, ops.Count(o => o == "Conv"));
        Assert.Equal(1 + 8, ops.Count(o => o == "Add"));
        Assert.Equal(1, ops.Count(o => o == "Mul"));
        Assert.Equal(["Add", "Cast", "Conv", "Flatten", "Gemm", "GlobalAveragePool", "MaxPool", "Mul", "Relu", "Sigmoid", "Transpose"], ops.Distinct().Order());
    }

    [Fact]
    public void Smaller_vgg_net_keeps_only_the_shifts_that_cannot_fold_and_the_scales_that_are_negative()
    {
        using var positive = ExportFixtures.Network("smallervggnet", 24, seed: 2, negativeScales: false);
        using var negative = ExportFixtures.Network("smallervggnet", 24, seed: 2, negativeScales: true);
        var manifest = ExportFixtures.Manifest("smallervggnet", 24);

        var folded = OnnxExporter.Export(positive, manifest).Graph.Nodes;
        var unfolded = OnnxExporter.Export(negative, manifest).Graph.Nodes;

        // Positive γ: scales go into the convolutions before the ReLUs; the shifts of bn1–bn4 stay (each feeds a
        // padded convolution), bn5 and the dense batch norm vanish into the linear layers; pooling runs before the shifts.
        Assert.Equal(["normalized", "features.bn1.add", "features.bn2.add", "features.bn3.add", "features.bn4.add"],
            folded.Where(n => n.OpType == "Add").Select(n => n.Name));
        Assert.Equal(["normalize_scale"], folded.Where(n => n.OpType == "Mul").Select(n => n.Name));
        Assert.Equal("features.pool1", folded[folded.ToList().FindIndex(n => n.Name == "features.bn1.add") - 1].Name);
        // Some negative γ: conv-ReLU-BN keeps a Mul for bn1–bn5; the dense batch norm still folds into the head.
        Assert.Equal(1 + 5, unfolded.Count(n => n.OpType == "Mul"));
        Assert.Equal(2, unfolded.Count(n => n.OpType == "Gemm"));
        Assert.DoesNotContain(unfolded, n => n.Name.StartsWith("classifier.bn"));
    }

    [Fact]
    public void The_file_loads_in_onnx_runtime_alone_and_its_metadata_names_the_labels()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("out", "model.onnx");
        using var network = ExportFixtures.Network("smallervggnet", 24, seed: 3);
        var manifest = ExportFixtures.Manifest("smallervggnet", 24);

        OnnxExporter.Save(path, network, manifest);

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
    public void A_layer_the_exporter_cannot_express_is_named()
    {
        using var network = new CustomNetwork(gelu: true);

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(network, Manifest()));

        Assert.Contains("CustomNetwork", error.Message);
        Assert.Contains("'body.act'", error.Message);
        Assert.Contains("GELU", error.Message);
    }

    [Fact]
    public void A_network_of_expressible_layers_in_an_unknown_order_is_refused_by_type()
    {
        using var network = new CustomNetwork(gelu: false);

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(network, Manifest()));

        Assert.Contains("CustomNetwork", error.Message);
        Assert.Contains("order", error.Message);
    }

    [Fact]
    public void A_manifest_that_does_not_fit_the_network_is_refused()
    {
        using var network = ExportFixtures.Network("smallervggnet", 24, seed: 4);
        var manifest = ExportFixtures.Manifest("smallervggnet", 24) with { Labels = ["a", "b"], Thresholds = [0.5f, 0.5f] };

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(network, manifest));

        Assert.Contains("2 labels", error.Message);
        Assert.Contains("10", error.Message);
    }

    private static MultiLabel.Persistence.BundleManifest Manifest() => ExportFixtures.Manifest("smallervggnet", 24);

    /// <summary>Conv, an activation (GELU or ReLU), pooling and a linear head.</summary>
    private sealed class CustomNetwork : MultiLabelNetwork
    {
        private readonly Sequential body;
        private readonly Linear head;

        public CustomNetwork(bool gelu) : base("CustomNetwork")
        {
            body = Sequential(("conv", Conv2d(3, 8, 3)), ("act", gelu ? GELU() : ReLU()), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()));
            head = Linear(8, ExportFixtures.Labels.Length);
            RegisterComponents();
        }

        public override Module Head => head;

        public override int LabelCount => ExportFixtures.Labels.Length;

        public override Tensor forward(Tensor input) => head.forward(body.forward(input));
    }
}
