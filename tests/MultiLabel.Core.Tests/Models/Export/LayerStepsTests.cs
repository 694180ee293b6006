using MultiLabel.Models;
using MultiLabel.Models.Export;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Export;
using MultiLabel.Tests.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using Tensor = TorchSharp.torch.Tensor;

namespace MultiLabel.Tests.Models.Export;

public class LayerStepsTests
{
    [Fact]
    public void A_layer_the_exporter_cannot_express_is_named()
    {
        using var network = new CustomNetwork(gelu: true);

        var error = Assert.Throws<OnnxExportException>(() => network.ExportSteps(""));

        Assert.Contains("CustomNetwork", error.Message);
        Assert.Contains("'body.act'", error.Message);
        Assert.Contains("GELU", error.Message);
    }

    [Fact]
    public void A_network_of_expressible_layers_that_does_not_say_its_order_is_refused_by_type()
    {
        using var network = new CustomNetwork(gelu: false);

        var error = Assert.Throws<OnnxExportException>(() => network.ExportSteps(""));

        Assert.Contains("CustomNetwork", error.Message);
        Assert.Contains("order", error.Message);
    }

    [Fact]
    public void A_resnet_block_with_a_projection_is_its_two_branches_added_then_relu()
    {
        using var network = ExportFixtures.Network("resnet18", 32, seed: 5);

        var steps = network.ExportSteps("");

        var block = Assert.IsType<ResidualStep>(steps.Single(s => s.Path == "layer2.0"));
        Assert.Equal(["layer2.0.conv1", "layer2.0.bn1", "layer2.0.relu1", "layer2.0.conv2", "layer2.0.bn2"], block.Main.Select(s => s.Path));
        Assert.Equal(["layer2.0.downsample.0", "layer2.0.downsample.1"], block.Shortcut.Select(s => s.Path));
        Assert.Equal([2L, 2], Assert.IsType<ConvStep>(block.Shortcut[0]).Strides);
        Assert.Equal("layer2.0.relu", steps[steps.ToList().IndexOf(block) + 1].Path);
    }

    /// <summary>Conv, an activation (GELU or ReLU), pooling and a linear head; it does not override ExportSteps.</summary>
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
