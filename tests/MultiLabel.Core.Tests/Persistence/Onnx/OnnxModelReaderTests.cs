using MultiLabel.Models;
using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Tests.Persistence.Onnx;

public class OnnxModelReaderTests
{
    [Fact]
    public void A_model_written_field_by_field_reads_back_whole()
    {
        var model = OnnxModelReader.Parse(SmallModel());

        Assert.Equal((7L, "test", "1.0", "org.test", 3L), (model.IrVersion, model.ProducerName, model.ProducerVersion, model.Domain, model.ModelVersion));
        Assert.Equal([new OnnxOperatorSet("", 13), new OnnxOperatorSet("com.microsoft", 1)], model.OpsetImports);
        Assert.Equal(13, model.StandardOpsetVersion);
        Assert.Equal([new KeyValuePair<string, string>("author", "me")], model.MetadataProps);

        var graph = model.Graph;
        Assert.Equal("g", graph.Name);
        var input = Assert.Single(graph.DataInputs);
        Assert.Equal("x: Float[batch,3,8,8]", input.ToString());
        Assert.Null(input.FixedShape);
        Assert.Equal([2L, 3, 1, 1], graph.Outputs[0].FixedShape!);

        var node = Assert.Single(graph.Nodes);
        Assert.Equal(("Conv", "conv0", ""), (node.OpType, node.Name, node.Domain));
        Assert.Equal(["x", "w"], node.Inputs);
        Assert.Equal(["y"], node.Outputs);
        Assert.Equal([2L, 2], node.Ints("strides", []));
        Assert.Equal([0L, 0, 0, 0], node.Ints("pads", [0, 0, 0, 0]));
        Assert.Equal(1, node.Int("group", 0));
        Assert.Equal(0.5f, node.Float("alpha", 0));
        Assert.Equal("NOTSET", node.String("auto_pad", ""));
        Assert.Equal(["a", "b"], node.Attribute("names")!.Strings);
        Assert.Equal([1.5f, 2.5f], node.Attribute("scales")!.Floats);

        var weight = Assert.Single(graph.Initializers);
        Assert.Equal(("w", OnnxDataType.Float, 6L), (weight.Name, weight.DataType, weight.ElementCount));
        Assert.Equal([2L, 3, 1, 1], weight.Dims);
        Assert.Equal([1f, 2, 3, 4, 5, 6], weight.ToFloatArray());
    }

    [Fact]
    public void Raw_data_and_float_data_give_the_same_floats()
    {
        float[] values = [0.5f, -1f, 3f];
        var raw = Tensor(t => t.WriteBytes(9, values.SelectMany(BitConverter.GetBytes).ToArray()));
        var typed = Tensor(t => t.WritePackedFloat(4, values));

        Assert.Equal(values, raw.ToFloatArray());
        Assert.Equal(values, typed.ToFloatArray());
    }

    [Fact]
    public void A_tensor_whose_data_does_not_fill_its_shape_is_refused()
    {
        var tensor = Tensor(t => t.WritePackedFloat(4, [1f, 2f]));

        var error = Assert.Throws<InvalidDataException>(() => tensor.ToFloatArray());

        Assert.Contains("'t' of shape [3] should hold 3 floats but holds 2", error.Message);
    }

    [Fact]
    public void External_tensor_data_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => Tensor(t => t.WriteInt32(14, 1)));

        Assert.Contains("tensor 't' keeps its data in an external file", error.Message);
    }

    [Fact]
    public void The_packaged_resnet18_reads_as_cntk_made_it()
    {
        var model = OnnxModelReader.Read(PretrainedResNet18.WeightsPath);

        Assert.Equal(("CNTK", "2.6", 3L), (model.ProducerName, model.ProducerVersion, model.IrVersion));
        Assert.Equal(8, model.StandardOpsetVersion);
        var graph = model.Graph;
        Assert.Equal(74, graph.Nodes.Count);
        Assert.Equal(110, graph.Initializers.Count);
        Assert.Equal("Input247: Float[1,3,224,224]", Assert.Single(graph.DataInputs).ToString());
        Assert.Equal("Pooling395_Output_0: Float[1,512,1,1]", Assert.Single(graph.Outputs).ToString());
        var stem = graph.Nodes[0];
        Assert.Equal("Conv", stem.OpType);
        Assert.Equal([3L, 3, 2, 2], stem.Ints("pads", []));
        Assert.Equal([64L, 3, 7, 7], graph.Initializer(stem.Inputs[1])!.Dims);
        Assert.All(graph.Initializers, t => Assert.Equal(t.ElementCount, t.ToFloatArray().Length));
    }

    [Fact]
    public void A_missing_file_fails_naming_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OnnxModelReader.Read("/no/such/model.onnx"));

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

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("runs past the end", error.Message);
    }

    [Fact]
    public void An_image_is_not_taken_for_a_model()
    {
        string jpeg = Directory.EnumerateFiles(Path.Combine(TestData.Apparel, "red_dress")).Order(StringComparer.Ordinal).First();

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(jpeg));

        Assert.Contains(jpeg, error.Message);
    }

    /// <summary>A one-Conv model written with onnx.proto's field numbers.</summary>
    private static byte[] SmallModel()
    {
        var model = new ProtoWriter();
        model.WriteInt64(1, 7);
        model.WriteString(2, "test");
        model.WriteString(3, "1.0");
        model.WriteString(4, "org.test");
        model.WriteInt64(5, 3);
        model.WriteMessage(8, o => o.WriteInt64(2, 13));
        model.WriteMessage(8, o => { o.WriteString(1, "com.microsoft"); o.WriteInt64(2, 1); });
        model.WriteMessage(14, e => { e.WriteString(1, "author"); e.WriteString(2, "me"); });
        model.WriteMessage(7, graph =>
        {
            graph.WriteMessage(1, node =>
            {
                node.WriteString(1, "x");
                node.WriteString(1, "w");
                node.WriteString(2, "y");
                node.WriteString(3, "conv0");
                node.WriteString(4, "Conv");
                node.WriteMessage(5, a => { a.WriteString(1, "strides"); a.WriteInt32(20, 7); a.WritePackedInt64(8, [2, 2]); });
                node.WriteMessage(5, a => { a.WriteString(1, "group"); a.WriteInt32(20, 2); a.WriteInt64(3, 1); });
                node.WriteMessage(5, a => { a.WriteString(1, "alpha"); a.WriteInt32(20, 1); a.WriteFloat(2, 0.5f); });
                node.WriteMessage(5, a => { a.WriteString(1, "auto_pad"); a.WriteInt32(20, 3); a.WriteString(4, "NOTSET"); });
                node.WriteMessage(5, a => { a.WriteString(1, "names"); a.WriteInt32(20, 8); a.WriteString(9, "a"); a.WriteString(9, "b"); });
                // No type field, as in IR version 1: the value field tells the type.
                node.WriteMessage(5, a => { a.WriteString(1, "scales"); a.WriteFloat(7, 1.5f); a.WriteFloat(7, 2.5f); });
            });
            graph.WriteString(2, "g");
            graph.WriteMessage(5, t =>
            {
                t.WritePackedInt64(1, [2, 3, 1, 1]);
                t.WriteInt32(2, 1);
                t.WriteString(8, "w");
                t.WritePackedFloat(4, [1, 2, 3, 4, 5, 6]);
            });
            graph.WriteMessage(11, v => ValueInfo(v, "x", new object[] { "batch", 3L, 8L, 8L }));
            graph.WriteMessage(12, v => ValueInfo(v, "y", new object[] { 2L, 3L, 1L, 1L }));
        });
        return model.ToArray();
    }

    private static void ValueInfo(ProtoWriter value, string name, object[] dims)
    {
        value.WriteString(1, name);
        value.WriteMessage(2, type => type.WriteMessage(1, tensor =>
        {
            tensor.WriteInt32(1, 1);
            tensor.WriteMessage(2, shape =>
            {
                foreach (object dim in dims)
                    shape.WriteMessage(1, d =>
                    {
                        if (dim is long size) d.WriteInt64(1, size);
                        else d.WriteString(2, (string)dim);
                    });
            });
        }));
    }

    /// <summary>A float tensor 't' of shape [3] in an otherwise empty model, with fields added by <paramref name="data"/>.</summary>
    private static OnnxTensor Tensor(Action<ProtoWriter> data)
    {
        var model = new ProtoWriter();
        model.WriteMessage(7, graph => graph.WriteMessage(5, t =>
        {
            t.WriteInt64(1, 3);
            t.WriteInt32(2, 1);
            t.WriteString(8, "t");
            data(t);
        }));
        return OnnxModelReader.Parse(model.ToArray()).Graph.Initializers[0];
    }
}
