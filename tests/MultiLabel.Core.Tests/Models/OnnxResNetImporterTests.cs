using MultiLabel.Models;
using MultiLabel.Models.Architectures;
using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Tests.Models;

/// <summary>The importer refuses graphs that do not fit the network, saying where; checked on edited copies of the packaged graph.</summary>
public class OnnxResNetImporterTests
{
    private static readonly Lazy<OnnxGraph> Packaged = new(() => OnnxModelReader.Read(PretrainedResNet18.WeightsPath).Graph);

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
        var graph = EditNode(0, node => node with
        {
            Attributes = node.Attributes.Select(a => a.Name == "strides" ? a with { Ints = [1, 1] } : a).ToArray(),
        });

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("Conv node 'Convolution249' (matched to conv1) has strides [1,1] where [2,2] was expected", error.Message);
    }

    [Fact]
    public void A_weight_of_the_wrong_shape_is_refused()
    {
        var graph = EditNode(0, node => node with { Inputs = [node.Inputs[0], "Parameter86"] });

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("'Parameter86' of Conv node 'Convolution249' has shape [64,64,3,3], conv1.weight has [64,3,7,7]", error.Message);
    }

    [Fact]
    public void A_left_over_initializer_is_refused()
    {
        var extra = Packaged.Value.Initializers[^1] with { Name = "Unused1" };
        var graph = Packaged.Value with { Initializers = [.. Packaged.Value.Initializers, extra] };

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("1 initializers are not used by the ResNet layout: Unused1", error.Message);
    }

    [Fact]
    public void A_node_outside_the_resnet_is_refused()
    {
        var softmax = new OnnxNode("Softmax1", "Softmax", "", ["Pooling395_Output_0"], ["probabilities"], [], "");
        var graph = Packaged.Value with { Nodes = [.. Packaged.Value.Nodes, softmax] };

        var error = Assert.Throws<InvalidDataException>(() => Import(graph));

        Assert.Contains("Softmax node 'Softmax1'", error.Message);
    }

    private static OnnxResNetImport Import(OnnxGraph graph)
    {
        using var network = new ResNet("resnet18-imagenet", PretrainedResNet18.Blocks, bottleneck: false, labelCount: 2);
        return OnnxResNetImporter.Import(network, graph);
    }

    private static OnnxGraph EditNode(int index, Func<OnnxNode, OnnxNode> edit)
    {
        var nodes = Packaged.Value.Nodes.ToArray();
        nodes[index] = edit(nodes[index]);
        return Packaged.Value with { Nodes = nodes };
    }
}
