using MultiLabel.Models;
using MultiLabel.Models.Architectures;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Tests.Models;

/// <summary>The importer refuses graphs that do not fit the network, saying where; checked on edited copies of the packaged graph.</summary>
public class OnnxResNetImporterTests
{
    private static readonly Lazy<GraphProto> Packaged = new(() => OnnxModelFile.Read(PretrainedResNet18.WeightsPath).Graph);

    [Fact]
    public void A_network_with_other_stages_is_refused()
    {
        using var network = new ResNet("resnet18", [2, 2, 2, 2], bottleneck: false, labelCount: 2);

        var error = Assert.Throws<InvalidDataException>(() => OnnxResNetImporter.Import(network, Packaged.Value));

        Assert.Contains("9 residual blocks", error.Message);
        Assert.Contains("[2,2,2,2] has 8", error.Message);
    }

    [Fact]
    public void A_stride_the_network_does_not_have_is_refused()
    {
        var graph = EditNode(0, node =>
        {
            var strides = node.FindAttribute("strides")!;
            strides.Ints.Clear();
            strides.Ints.Add([1, 1]);
        });

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("Conv node 'Convolution249' (matched to conv1) has strides [1,1] where [2,2] was expected", error.Message);
    }

    [Fact]
    public void A_weight_of_the_wrong_shape_is_refused()
    {
        var graph = EditNode(0, node => node.Input[1] = "Parameter86");

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("'Parameter86' of Conv node 'Convolution249' has shape [64,64,3,3], conv1.weight has [64,3,7,7]", error.Message);
    }

    [Fact]
    public void A_left_over_initializer_is_refused()
    {
        var graph = Packaged.Value.Clone();
        var extra = graph.Initializer[^1].Clone();
        extra.Name = "Unused1";
        graph.Initializer.Add(extra);

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("1 initializers are not used by the ResNet layout: Unused1", error.Message);
    }

    [Fact]
    public void A_node_outside_the_resnet_is_refused()
    {
        var graph = Packaged.Value.Clone();
        graph.Node.Add(new NodeProto { Name = "Softmax1", OpType = "Softmax", Input = { "Pooling395_Output_0" }, Output = { "probabilities" } });

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("Softmax node 'Softmax1'", error.Message);
    }

    private static OnnxResNetImport Import(GraphProto graph)
    {
        using var network = new ResNet("resnet18-imagenet", PretrainedResNet18.Blocks, bottleneck: false, labelCount: 2);
        return OnnxResNetImporter.Import(network, graph);
    }

    /// <summary>A copy of the packaged graph with node <paramref name="index"/> changed by <paramref name="edit"/>.</summary>
    private static GraphProto EditNode(int index, Action<NodeProto> edit)
    {
        var graph = Packaged.Value.Clone();
        edit(graph.Node[index]);
        return graph;
    }
}
