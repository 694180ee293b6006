using Microsoft.ML.OnnxRuntime;
using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Tests.Persistence.Onnx;

public class OnnxModelWriterTests
{
    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_whole()
    {
        var model = TwoNodeModel();
        var graphWithAttributes = model.Graph with { Nodes = [model.Graph.Nodes[0], model.Graph.Nodes[1] with { Attributes = EveryKind }] };

        var read = OnnxModelReader.Parse(OnnxModelWriter.Serialize(model with { Graph = graphWithAttributes }));

        Assert.Equal((8L, "test", "1.2", 3L, "doc"), (read.IrVersion, read.ProducerName, read.ProducerVersion, read.ModelVersion, read.DocString));
        Assert.Equal(model.OpsetImports, read.OpsetImports);
        Assert.Equal(model.MetadataProps, read.MetadataProps);
        var graph = read.Graph;
        Assert.Equal(("g", "graph doc"), (graph.Name, graph.DocString));
        Assert.Equal(["x: UInt8[batch,2]"], graph.Inputs.Select(i => i.ToString()));
        Assert.Equal(["y: Float[batch,2]"], graph.Outputs.Select(i => i.ToString()));
        Assert.Equal(["Cast", "Mul"], graph.Nodes.Select(n => n.OpType));
        Assert.Equal(["xf", "w"], graph.Nodes[1].Inputs);
        Assert.Equal(1, graph.Nodes[0].Int("to", 0));
        var attributes = graph.Nodes[1].Attributes;
        Assert.Equal(["f=0.5", "ints=[1,-2]", "floats=[1.5,2.5]", "s='text'", "strings=['a','b']"], attributes.Select(a => a.ToString()));
        var weight = Assert.Single(graph.Initializers);
        Assert.Equal([2f, -3f], weight.ToFloatArray());
    }

    [Fact]
    public void Onnx_runtime_loads_and_runs_what_the_writer_writes()
    {
        var model = TwoNodeModel() with { MetadataProps = [new("labels", "[\"a\",\"b\"]")] };

        using var session = new InferenceSession(OnnxModelWriter.Serialize(model));
        using var input = OrtValue.CreateTensorValueFromMemory(new byte[] { 10, 20, 30, 40 }, [2, 2]);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["x"] = input }, ["y"]);

        Assert.Equal([20f, -60f, 60f, -120f], results[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal("[\"a\",\"b\"]", session.ModelMetadata.CustomMetadataMap["labels"]);
    }

    private static readonly OnnxAttribute[] EveryKind =
    [
        new("f", OnnxAttributeType.Float, 0.5f, 0, "", null, [], [], []),
        new("ints", OnnxAttributeType.Ints, 0, 0, "", null, [], [1, -2], []),
        new("floats", OnnxAttributeType.Floats, 0, 0, "", null, [1.5f, 2.5f], [], []),
        new("s", OnnxAttributeType.String, 0, 0, "text", null, [], [], []),
        new("strings", OnnxAttributeType.Strings, 0, 0, "", null, [], [], ["a", "b"]),
    ];

    /// <summary>y = float(x) × [2, −3], batch dimension free.</summary>
    private static OnnxModel TwoNodeModel()
    {
        var batch = new OnnxDimension(null, "batch");
        var weight = new OnnxTensor("w", [2], OnnxDataType.Float, BitConverter.GetBytes(2f).Concat(BitConverter.GetBytes(-3f)).ToArray(), default, [], "");
        var cast = new OnnxNode("cast", "Cast", "", ["x"], ["xf"], [Attribute("to", OnnxAttributeType.Int, i: 1)], "");
        var mul = new OnnxNode("mul", "Mul", "", ["xf", "w"], ["y"], [], "");
        var graph = new OnnxGraph("g", [cast, mul], [weight],
            [new OnnxValueInfo("x", OnnxDataType.UInt8, [batch, new(2, null)], "")],
            [new OnnxValueInfo("y", OnnxDataType.Float, [batch, new(2, null)], "")], [], "graph doc");
        return new OnnxModel(8, "test", "1.2", "", 3, "doc", [new OnnxOperatorSet("", 17)], [new("k", "v")], graph);
    }

    private static OnnxAttribute Attribute(string name, OnnxAttributeType type, long i = 0) =>
        new(name, type, 0, i, "", null, [], [], []);
}
