namespace MultiLabel.Persistence.Onnx;

/// <summary>Which value an ONNX node attribute holds (<c>AttributeProto.AttributeType</c> in onnx.proto).</summary>
public enum OnnxAttributeType
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>One float.</summary>
    Float = 1,
    /// <summary>One 64-bit integer.</summary>
    Int = 2,
    /// <summary>One string.</summary>
    String = 3,
    /// <summary>One tensor.</summary>
    Tensor = 4,
    /// <summary>A subgraph (its content is not read).</summary>
    Graph = 5,
    /// <summary>A list of floats.</summary>
    Floats = 6,
    /// <summary>A list of 64-bit integers.</summary>
    Ints = 7,
    /// <summary>A list of strings.</summary>
    Strings = 8,
    /// <summary>A list of tensors (their content is not read).</summary>
    Tensors = 9,
    /// <summary>A list of subgraphs (their content is not read).</summary>
    Graphs = 10,
    /// <summary>A sparse tensor (its content is not read).</summary>
    SparseTensor = 11,
    /// <summary>A list of sparse tensors (their content is not read).</summary>
    SparseTensors = 12,
}
