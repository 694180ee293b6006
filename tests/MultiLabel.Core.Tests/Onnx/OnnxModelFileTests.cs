using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using MultiLabel.Models;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;
using AttributeType = MultiLabel.Onnx.Protobuf.AttributeProto.Types.AttributeType;
using DataType = MultiLabel.Onnx.Protobuf.TensorProto.Types.DataType;

namespace MultiLabel.Tests.Onnx;

public class OnnxModelFileTests
{
    [Fact]
    public void A_model_reads_back_whole_with_its_attributes_shapes_and_weights()
    {
        var model = OnnxModelFile.Parse(SmallModel().ToByteArray());

        Assert.Equal((7L, "test", "1.0", "org.test", 3L), (model.IrVersion, model.ProducerName, model.ProducerVersion, model.Domain, model.ModelVersion));
        Assert.Equal(13, model.StandardOpsetVersion);
        Assert.Equal([("author", "me")], model.MetadataProps.Select(p => (p.Key, p.Value)));

        var graph = model.Graph;
        var input = Assert.Single(graph.DataInputs);
        Assert.Equal("x: Float[batch,3,8,8]", input.Describe());
        Assert.Null(input.FixedShape);
        Assert.Equal([2L, 3, 1, 1], graph.Output[0].FixedShape!);

        var node = Assert.Single(graph.Node);
        Assert.Equal("Conv node 'conv0'", node.Describe());
        Assert.Equal([2L, 2], node.IntsOr("strides", []));
        Assert.Equal([0L, 0, 0, 0], node.IntsOr("pads", [0, 0, 0, 0]));
        Assert.Equal(1, node.IntOr("group", 0));
        Assert.Equal(0.5f, node.FloatOr("alpha", 0));
        Assert.Equal("NOTSET", node.StringOr("auto_pad", ""));
        // No type field, as in IR version 1 files: the value field present tells the type.
        Assert.Equal(AttributeType.Floats, node.FindAttribute("scales")!.Kind);

        var weight = Assert.Single(graph.Initializer);
        Assert.Equal("w: Float[2,3,1,1]", weight.Describe());
        Assert.Equal([1f, 2, 3, 4, 5, 6], weight.ToFloatArray());
        Assert.Same(weight, graph.FindInitializer("w"));
    }

    [Fact]
    public void An_attribute_of_another_type_than_asked_is_an_error_naming_the_node()
    {
        var node = SmallModel().Graph.Node[0];

        var error = Assert.Throws<InvalidDataException>(() => node.IntOr("strides", 1));

        Assert.Contains("Attribute 'strides' of Conv node 'conv0' is Ints, expected Int", error.Message);
    }

    [Fact]
    public void Raw_data_and_float_data_give_the_same_floats()
    {
        float[] values = [0.5f, -1f, 3f];
        var raw = Tensor(t => t.RawData = ByteString.CopyFrom(values.SelectMany(BitConverter.GetBytes).ToArray()));
        var typed = Tensor(t => t.FloatData.Add(values));

        Assert.Equal(values, raw.ToFloatArray());
        Assert.Equal(values, typed.ToFloatArray());
    }

    [Fact]
    public void A_tensor_whose_data_does_not_fill_its_shape_is_refused()
    {
        var tensor = Tensor(t => t.FloatData.Add([1f, 2f]));

        var error = Assert.Throws<InvalidDataException>(() => tensor.ToFloatArray());

        Assert.Contains("'t' of shape [3] should hold 3 floats but holds 2", error.Message);
    }

    [Fact]
    public void External_tensor_data_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => Tensor(t => t.DataLocation = TensorProto.Types.DataLocation.External));

        Assert.Contains("tensor 't' keeps its data in an external file", error.Message);
    }

    [Fact]
    public void The_packaged_resnet18_reads_as_cntk_made_it()
    {
        var model = OnnxModelFile.Read(PretrainedResNet18.WeightsPath);

        Assert.Equal(("CNTK", "2.6", 3L), (model.ProducerName, model.ProducerVersion, model.IrVersion));
        Assert.Equal(8, model.StandardOpsetVersion);
        var graph = model.Graph;
        Assert.Equal(74, graph.Node.Count);
        Assert.Equal(110, graph.Initializer.Count);
        Assert.Equal("Input247: Float[1,3,224,224]", Assert.Single(graph.DataInputs).Describe());
        Assert.Equal("Pooling395_Output_0: Float[1,512,1,1]", Assert.Single(graph.Output).Describe());
        var stem = graph.Node[0];
        Assert.Equal("Conv", stem.OpType);
        Assert.Equal([3L, 3, 2, 2], stem.IntsOr("pads", []));
        Assert.Equal([64L, 3, 7, 7], graph.FindInitializer(stem.Input[1])!.Dims);
        Assert.All(graph.Initializer, t => Assert.Equal(t.ElementCount, t.ToFloatArray().Length));
    }

    [Fact]
    public void A_missing_file_fails_naming_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OnnxModelFile.Read("/no/such/model.onnx"));

        Assert.Contains("/no/such/model.onnx", error.Message);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(1_000_000)]
    public void A_truncated_file_fails_naming_it(int keptBytes)
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("cut.onnx");
        using (var source = File.OpenRead(PretrainedResNet18.WeightsPath))
        using (var target = File.Create(path))
        {
            var head = new byte[keptBytes];
            source.ReadExactly(head);
            target.Write(head);
        }

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void An_image_is_not_taken_for_a_model()
    {
        string jpeg = Directory.EnumerateFiles(Path.Combine(TestData.Apparel, "red_dress")).Order(StringComparer.Ordinal).First();

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(jpeg));

        Assert.Contains(jpeg, error.Message);
    }

    [Fact]
    public void Onnx_runtime_loads_and_runs_what_the_generated_types_write()
    {
        // y = float(x) × [2, −3], batch dimension free.
        var model = new ModelProto
        {
            IrVersion = 8,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 17 } },
            MetadataProps = { new StringStringEntryProto { Key = "labels", Value = "[\"a\",\"b\"]" } },
            Graph = new GraphProto
            {
                Name = "g",
                Node =
                {
                    new NodeProto { OpType = "Cast", Input = { "x" }, Output = { "xf" }, Attribute = { AttributeProto.Int("to", (long)DataType.Float) } },
                    new NodeProto { OpType = "Mul", Input = { "xf", "w" }, Output = { "y" } },
                },
                Initializer = { new TensorProto { Name = "w", Dims = { 2 }, DataType = (int)DataType.Float, FloatData = { 2f, -3f } } },
                Input = { ValueInfoProto.Tensor("x", DataType.Uint8, ["batch", 2L], "") },
                Output = { ValueInfoProto.Tensor("y", DataType.Float, ["batch", 2L], "") },
            },
        };

        using var session = new InferenceSession(model.ToByteArray());
        using var input = OrtValue.CreateTensorValueFromMemory(new byte[] { 10, 20, 30, 40 }, [2, 2]);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["x"] = input }, ["y"]);

        Assert.Equal([20f, -60f, 60f, -120f], results[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal("[\"a\",\"b\"]", session.ModelMetadata.CustomMetadataMap["labels"]);
    }

    /// <summary>A one-Conv model.</summary>
    private static ModelProto SmallModel() => new()
    {
        IrVersion = 7,
        ProducerName = "test",
        ProducerVersion = "1.0",
        Domain = "org.test",
        ModelVersion = 3,
        OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 }, new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 } },
        MetadataProps = { new StringStringEntryProto { Key = "author", Value = "me" } },
        Graph = new GraphProto
        {
            Name = "g",
            Node =
            {
                new NodeProto
                {
                    Name = "conv0", OpType = "Conv", Input = { "x", "w" }, Output = { "y" },
                    Attribute =
                    {
                        AttributeProto.IntList("strides", 2, 2),
                        AttributeProto.Int("group", 1),
                        new AttributeProto { Name = "alpha", Type = AttributeType.Float, F = 0.5f },
                        new AttributeProto { Name = "auto_pad", Type = AttributeType.String, S = ByteString.CopyFromUtf8("NOTSET") },
                        new AttributeProto { Name = "scales", Floats = { 1.5f, 2.5f } },
                    },
                },
            },
            Initializer = { new TensorProto { Name = "w", Dims = { 2, 3, 1, 1 }, DataType = (int)DataType.Float, FloatData = { 1, 2, 3, 4, 5, 6 } } },
            Input = { ValueInfoProto.Tensor("x", DataType.Float, ["batch", 3L, 8L, 8L], "") },
            Output = { ValueInfoProto.Tensor("y", DataType.Float, [2L, 3L, 1L, 1L], "") },
        },
    };

    /// <summary>A float tensor 't' of shape [3] in an otherwise empty model, set further by <paramref name="data"/>, written and read back.</summary>
    private static TensorProto Tensor(Action<TensorProto> data)
    {
        var tensor = new TensorProto { Name = "t", Dims = { 3 }, DataType = (int)DataType.Float };
        data(tensor);
        var model = new ModelProto { Graph = new GraphProto { Initializer = { tensor } } };
        return OnnxModelFile.Parse(model.ToByteArray()).Graph.Initializer[0];
    }
}
