namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Writes <see cref="OnnxModel"/> records as an ONNX model file (the protobuf <c>ModelProto</c> of onnx.proto),
/// the mirror of <see cref="OnnxModelReader"/>: what one writes the other reads back. Empty strings and empty
/// lists are left out, as protobuf leaves out unset fields; tensors are written with their raw bytes when they
/// have them, else with their typed arrays.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>The bytes of the ONNX file for <paramref name="model"/>.</summary>
    public static byte[] Serialize(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var writer = new ProtoWriter(ProtoWriter.Measure(w => WriteModel(w, model)));
        WriteModel(writer, model);
        return writer.ToArray();
    }

    /// <summary>Writes the ONNX file for <paramref name="model"/> to <paramref name="stream"/>.</summary>
    public static void Write(OnnxModel model, Stream stream) => stream.Write(Serialize(model));

    private static void WriteModel(ProtoWriter writer, OnnxModel model)
    {
        writer.WriteInt64(OnnxFields.Model.IrVersion, model.IrVersion);
        WriteString(writer, OnnxFields.Model.ProducerName, model.ProducerName);
        WriteString(writer, OnnxFields.Model.ProducerVersion, model.ProducerVersion);
        WriteString(writer, OnnxFields.Model.Domain, model.Domain);
        if (model.ModelVersion != 0) writer.WriteInt64(OnnxFields.Model.ModelVersion, model.ModelVersion);
        WriteString(writer, OnnxFields.Model.DocString, model.DocString);
        writer.WriteMessage(OnnxFields.Model.Graph, g => WriteGraph(g, model.Graph));
        foreach (var opset in model.OpsetImports)
            writer.WriteMessage(OnnxFields.Model.OpsetImport, o =>
            {
                WriteString(o, OnnxFields.OperatorSet.Domain, opset.Domain);
                o.WriteInt64(OnnxFields.OperatorSet.Version, opset.Version);
            });
        foreach (var (key, value) in model.MetadataProps)
            writer.WriteMessage(OnnxFields.Model.MetadataProps, e =>
            {
                e.WriteString(OnnxFields.StringEntry.Key, key);
                e.WriteString(OnnxFields.StringEntry.Value, value);
            });
    }

    private static void WriteGraph(ProtoWriter writer, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes) writer.WriteMessage(OnnxFields.Graph.Node, n => WriteNode(n, node));
        WriteString(writer, OnnxFields.Graph.Name, graph.Name);
        foreach (var tensor in graph.Initializers) writer.WriteMessage(OnnxFields.Graph.Initializer, t => WriteTensor(t, tensor));
        WriteString(writer, OnnxFields.Graph.DocString, graph.DocString);
        foreach (var input in graph.Inputs) writer.WriteMessage(OnnxFields.Graph.Input, v => WriteValueInfo(v, input));
        foreach (var output in graph.Outputs) writer.WriteMessage(OnnxFields.Graph.Output, v => WriteValueInfo(v, output));
        foreach (var info in graph.ValueInfo) writer.WriteMessage(OnnxFields.Graph.ValueInfo, v => WriteValueInfo(v, info));
    }

    private static void WriteNode(ProtoWriter writer, OnnxNode node)
    {
        // Inputs are positional: an empty name (an omitted optional input) must still be written.
        foreach (string input in node.Inputs) writer.WriteString(OnnxFields.Node.Input, input);
        foreach (string output in node.Outputs) writer.WriteString(OnnxFields.Node.Output, output);
        WriteString(writer, OnnxFields.Node.Name, node.Name);
        writer.WriteString(OnnxFields.Node.OpType, node.OpType);
        foreach (var attribute in node.Attributes) writer.WriteMessage(OnnxFields.Node.Attribute, a => WriteAttribute(a, attribute));
        WriteString(writer, OnnxFields.Node.DocString, node.DocString);
        WriteString(writer, OnnxFields.Node.Domain, node.Domain);
    }

    private static void WriteAttribute(ProtoWriter writer, OnnxAttribute attribute)
    {
        writer.WriteString(OnnxFields.Attribute.Name, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float: writer.WriteFloat(OnnxFields.Attribute.F, attribute.Float); break;
            case OnnxAttributeType.Int: writer.WriteInt64(OnnxFields.Attribute.I, attribute.Int); break;
            case OnnxAttributeType.String: writer.WriteString(OnnxFields.Attribute.S, attribute.String); break;
            case OnnxAttributeType.Tensor:
                var tensor = attribute.Tensor ?? throw new ArgumentException($"Tensor attribute '{attribute.Name}' has no tensor.");
                writer.WriteMessage(OnnxFields.Attribute.T, t => WriteTensor(t, tensor));
                break;
            case OnnxAttributeType.Floats: writer.WritePackedFloat(OnnxFields.Attribute.Floats, attribute.Floats.ToArray()); break;
            case OnnxAttributeType.Ints: writer.WritePackedInt64(OnnxFields.Attribute.Ints, attribute.Ints); break;
            case OnnxAttributeType.Strings:
                foreach (string s in attribute.Strings) writer.WriteString(OnnxFields.Attribute.Strings, s);
                break;
            default:
                throw new NotSupportedException($"Attribute '{attribute.Name}' is {attribute.Type}, which this writer does not write.");
        }
        writer.WriteInt32(OnnxFields.Attribute.Type, (int)attribute.Type);
    }

    private static void WriteTensor(ProtoWriter writer, OnnxTensor tensor)
    {
        writer.WritePackedInt64(OnnxFields.Tensor.Dims, tensor.Dims);
        writer.WriteInt32(OnnxFields.Tensor.DataType, (int)tensor.DataType);
        if (tensor.RawData.IsEmpty)
        {
            writer.WritePackedFloat(OnnxFields.Tensor.FloatData, tensor.FloatData.Span);
            writer.WritePackedInt64(OnnxFields.Tensor.Int64Data, tensor.Int64Data);
        }
        WriteString(writer, OnnxFields.Tensor.Name, tensor.Name);
        if (!tensor.RawData.IsEmpty) writer.WriteBytes(OnnxFields.Tensor.RawData, tensor.RawData.Span);
        WriteString(writer, OnnxFields.Tensor.DocString, tensor.DocString);
    }

    private static void WriteValueInfo(ProtoWriter writer, OnnxValueInfo info)
    {
        writer.WriteString(OnnxFields.ValueInfo.Name, info.Name);
        writer.WriteMessage(OnnxFields.ValueInfo.Type, type =>
            type.WriteMessage(OnnxFields.TypeProto.TensorType, tensorType =>
            {
                tensorType.WriteInt32(OnnxFields.TensorType.ElemType, (int)info.ElementType);
                if (info.Shape is null) return;
                tensorType.WriteMessage(OnnxFields.TensorType.Shape, shape =>
                {
                    foreach (var dim in info.Shape)
                        shape.WriteMessage(OnnxFields.Shape.Dim, d =>
                        {
                            if (dim.Value is { } value) d.WriteInt64(OnnxFields.Dimension.Value, value);
                            else if (dim.Parameter is { } parameter) d.WriteString(OnnxFields.Dimension.Param, parameter);
                        });
                });
            }));
        WriteString(writer, OnnxFields.ValueInfo.DocString, info.DocString);
    }

    private static void WriteString(ProtoWriter writer, int field, string value)
    {
        if (value.Length > 0) writer.WriteString(field, value);
    }
}
