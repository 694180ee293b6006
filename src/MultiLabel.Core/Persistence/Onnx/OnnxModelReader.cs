namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Reads ONNX model files (the protobuf <c>ModelProto</c> of onnx.proto) into <see cref="OnnxModel"/> records,
/// with no protobuf library: the graph's nodes, attributes, initializers, inputs and outputs, the operator
/// set imports and the metadata. Unknown fields are skipped. Tensors with external data, segmented tensors and
/// the contents of subgraph attributes are not supported (subgraphs are only recognised).
/// </summary>
public static class OnnxModelReader
{
    /// <summary>Reads the ONNX file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a well-formed ONNX model; the message names it.</exception>
    public static OnnxModel Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The ONNX model '{path}' does not exist.", path);
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is not a readable ONNX model: {e.Message}", e);
        }
    }

    /// <summary>Parses the bytes of an ONNX model file. The returned tensors refer to <paramref name="bytes"/> without copying.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static OnnxModel Parse(ReadOnlyMemory<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        long irVersion = 0, modelVersion = 0;
        string producerName = "", producerVersion = "", domain = "", docString = "";
        var opsets = new List<OnnxOperatorSet>();
        var metadata = new List<KeyValuePair<string, string>>();
        OnnxGraph? graph = null;
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.Model.IrVersion: irVersion = reader.ReadInt64(); break;
                case OnnxFields.Model.ProducerName: producerName = reader.ReadString(); break;
                case OnnxFields.Model.ProducerVersion: producerVersion = reader.ReadString(); break;
                case OnnxFields.Model.Domain: domain = reader.ReadString(); break;
                case OnnxFields.Model.ModelVersion: modelVersion = reader.ReadInt64(); break;
                case OnnxFields.Model.DocString: docString = reader.ReadString(); break;
                case OnnxFields.Model.Graph: graph = ReadGraph(reader.ReadMessage()); break;
                case OnnxFields.Model.OpsetImport: opsets.Add(ReadOperatorSet(reader.ReadMessage())); break;
                case OnnxFields.Model.MetadataProps: metadata.Add(ReadStringEntry(reader.ReadMessage())); break;
                default: reader.Skip(wire); break;
            }
        }
        if (graph is null) throw new InvalidDataException("it has no graph (is it an ONNX file at all?)");
        return new OnnxModel(irVersion, producerName, producerVersion, domain, modelVersion, docString, opsets, metadata, graph);
    }

    private static OnnxGraph ReadGraph(ProtoReader reader)
    {
        string name = "", docString = "";
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxTensor>();
        List<OnnxValueInfo> inputs = [], outputs = [], valueInfo = [];
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.Graph.Node: nodes.Add(ReadNode(reader.ReadMessage())); break;
                case OnnxFields.Graph.Name: name = reader.ReadString(); break;
                case OnnxFields.Graph.Initializer: initializers.Add(ReadTensor(reader.ReadMessage())); break;
                case OnnxFields.Graph.DocString: docString = reader.ReadString(); break;
                case OnnxFields.Graph.Input: inputs.Add(ReadValueInfo(reader.ReadMessage())); break;
                case OnnxFields.Graph.Output: outputs.Add(ReadValueInfo(reader.ReadMessage())); break;
                case OnnxFields.Graph.ValueInfo: valueInfo.Add(ReadValueInfo(reader.ReadMessage())); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxGraph(name, nodes, initializers, inputs, outputs, valueInfo, docString);
    }

    private static OnnxNode ReadNode(ProtoReader reader)
    {
        string name = "", opType = "", domain = "", docString = "";
        List<string> inputs = [], outputs = [];
        var attributes = new List<OnnxAttribute>();
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.Node.Input: inputs.Add(reader.ReadString()); break;
                case OnnxFields.Node.Output: outputs.Add(reader.ReadString()); break;
                case OnnxFields.Node.Name: name = reader.ReadString(); break;
                case OnnxFields.Node.OpType: opType = reader.ReadString(); break;
                case OnnxFields.Node.Attribute: attributes.Add(ReadAttribute(reader.ReadMessage())); break;
                case OnnxFields.Node.DocString: docString = reader.ReadString(); break;
                case OnnxFields.Node.Domain: domain = reader.ReadString(); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxNode(name, opType, domain, inputs, outputs, attributes, docString);
    }

    private static OnnxAttribute ReadAttribute(ProtoReader reader)
    {
        string name = "", text = "";
        var type = OnnxAttributeType.Undefined;
        var inferred = OnnxAttributeType.Undefined;
        float single = 0;
        long integer = 0;
        OnnxTensor? tensor = null;
        List<float> floats = [];
        List<long> ints = [];
        List<string> strings = [];
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.Attribute.Name: name = reader.ReadString(); break;
                case OnnxFields.Attribute.Type: type = (OnnxAttributeType)reader.ReadInt32(); break;
                case OnnxFields.Attribute.F: single = reader.ReadFloat(); inferred = OnnxAttributeType.Float; break;
                case OnnxFields.Attribute.I: integer = reader.ReadInt64(); inferred = OnnxAttributeType.Int; break;
                case OnnxFields.Attribute.S: text = reader.ReadString(); inferred = OnnxAttributeType.String; break;
                case OnnxFields.Attribute.T: tensor = ReadTensor(reader.ReadMessage()); inferred = OnnxAttributeType.Tensor; break;
                case OnnxFields.Attribute.Floats: reader.ReadRepeatedFloat(wire, floats); inferred = OnnxAttributeType.Floats; break;
                case OnnxFields.Attribute.Ints: reader.ReadRepeatedInt64(wire, ints); inferred = OnnxAttributeType.Ints; break;
                case OnnxFields.Attribute.Strings: strings.Add(reader.ReadString()); inferred = OnnxAttributeType.Strings; break;
                case OnnxFields.Attribute.G: reader.Skip(wire); inferred = OnnxAttributeType.Graph; break;
                case OnnxFields.Attribute.Tensors: reader.Skip(wire); inferred = OnnxAttributeType.Tensors; break;
                case OnnxFields.Attribute.Graphs: reader.Skip(wire); inferred = OnnxAttributeType.Graphs; break;
                case OnnxFields.Attribute.SparseTensor: reader.Skip(wire); inferred = OnnxAttributeType.SparseTensor; break;
                case OnnxFields.Attribute.SparseTensors: reader.Skip(wire); inferred = OnnxAttributeType.SparseTensors; break;
                default: reader.Skip(wire); break;
            }
        }
        // IR version 1 files have no type field: the value field present tells it.
        if (type == OnnxAttributeType.Undefined) type = inferred;
        return new OnnxAttribute(name, type, single, integer, text, tensor, floats, ints, strings);
    }

    private static OnnxTensor ReadTensor(ProtoReader reader)
    {
        string name = "", docString = "";
        var dataType = OnnxDataType.Undefined;
        List<long> dims = [], int64Data = [];
        List<float> floatData = [];
        ReadOnlyMemory<byte> raw = default;
        bool external = false, segmented = false;
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.Tensor.Dims: reader.ReadRepeatedInt64(wire, dims); break;
                case OnnxFields.Tensor.DataType: dataType = (OnnxDataType)reader.ReadInt32(); break;
                case OnnxFields.Tensor.Segment: reader.Skip(wire); segmented = true; break;
                case OnnxFields.Tensor.FloatData: reader.ReadRepeatedFloat(wire, floatData); break;
                case OnnxFields.Tensor.Int64Data: reader.ReadRepeatedInt64(wire, int64Data); break;
                case OnnxFields.Tensor.Name: name = reader.ReadString(); break;
                case OnnxFields.Tensor.RawData: raw = reader.ReadBytes(); break;
                case OnnxFields.Tensor.DocString: docString = reader.ReadString(); break;
                case OnnxFields.Tensor.DataLocation: external = reader.ReadInt32() == OnnxFields.Tensor.ExternalLocation; break;
                default: reader.Skip(wire); break;
            }
        }
        if (external)
            throw new InvalidDataException($"tensor '{name}' keeps its data in an external file, which this reader does not support");
        if (segmented)
            throw new InvalidDataException($"tensor '{name}' is stored in segments, which this reader does not support");
        return new OnnxTensor(name, dims, dataType, raw, floatData.ToArray(), int64Data, docString);
    }

    private static OnnxValueInfo ReadValueInfo(ProtoReader reader)
    {
        string name = "", docString = "";
        var elementType = OnnxDataType.Undefined;
        List<OnnxDimension>? shape = null;
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field)
            {
                case OnnxFields.ValueInfo.Name: name = reader.ReadString(); break;
                case OnnxFields.ValueInfo.Type: (elementType, shape) = ReadType(reader.ReadMessage()); break;
                case OnnxFields.ValueInfo.DocString: docString = reader.ReadString(); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxValueInfo(name, elementType, shape, docString);
    }

    /// <summary>Reads a <c>TypeProto</c>; only tensor types carry an element type and shape, others read as undefined.</summary>
    private static (OnnxDataType, List<OnnxDimension>?) ReadType(ProtoReader reader)
    {
        var elementType = OnnxDataType.Undefined;
        List<OnnxDimension>? shape = null;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field != OnnxFields.TypeProto.TensorType) { reader.Skip(wire); continue; }
            var tensorType = reader.ReadMessage();
            while (tensorType.TryReadTag(out int tensorField, out var tensorWire))
            {
                if (tensorField == OnnxFields.TensorType.ElemType) elementType = (OnnxDataType)tensorType.ReadInt32();
                else if (tensorField == OnnxFields.TensorType.Shape) shape = ReadShape(tensorType.ReadMessage());
                else tensorType.Skip(tensorWire);
            }
        }
        return (elementType, shape);
    }

    private static List<OnnxDimension> ReadShape(ProtoReader reader)
    {
        var dims = new List<OnnxDimension>();
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field != OnnxFields.Shape.Dim) { reader.Skip(wire); continue; }
            var dim = reader.ReadMessage();
            long? value = null;
            string? parameter = null;
            while (dim.TryReadTag(out int dimField, out var dimWire))
            {
                if (dimField == OnnxFields.Dimension.Value) value = dim.ReadInt64();
                else if (dimField == OnnxFields.Dimension.Param) parameter = dim.ReadString();
                else dim.Skip(dimWire);
            }
            dims.Add(new OnnxDimension(value, parameter));
        }
        return dims;
    }

    private static OnnxOperatorSet ReadOperatorSet(ProtoReader reader)
    {
        string domain = "";
        long version = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == OnnxFields.OperatorSet.Domain) domain = reader.ReadString();
            else if (field == OnnxFields.OperatorSet.Version) version = reader.ReadInt64();
            else reader.Skip(wire);
        }
        return new OnnxOperatorSet(domain, version);
    }

    private static KeyValuePair<string, string> ReadStringEntry(ProtoReader reader)
    {
        string key = "", value = "";
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == OnnxFields.StringEntry.Key) key = reader.ReadString();
            else if (field == OnnxFields.StringEntry.Value) value = reader.ReadString();
            else reader.Skip(wire);
        }
        return new(key, value);
    }
}
