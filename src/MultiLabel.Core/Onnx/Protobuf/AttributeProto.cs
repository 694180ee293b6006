namespace MultiLabel.Onnx.Protobuf;

/// <summary>A named attribute of a node, e.g. a convolution's <c>strides</c>.</summary>
public sealed partial class AttributeProto
{
    /// <summary>
    /// Which value it holds: its <c>type</c> field, or for IR version 1 files, which have none, the value field
    /// that is present.
    /// </summary>
    public Types.AttributeType Kind =>
        HasType && Type != Types.AttributeType.Undefined ? Type
        : HasF ? Types.AttributeType.Float
        : HasI ? Types.AttributeType.Int
        : HasS ? Types.AttributeType.String
        : T is not null ? Types.AttributeType.Tensor
        : G is not null ? Types.AttributeType.Graph
        : Floats.Count > 0 ? Types.AttributeType.Floats
        : Ints.Count > 0 ? Types.AttributeType.Ints
        : Strings.Count > 0 ? Types.AttributeType.Strings
        : Types.AttributeType.Undefined;

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = Types.AttributeType.Int, I = value };

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto IntList(string name, params long[] values) =>
        new() { Name = name, Type = Types.AttributeType.Ints, Ints = { values } };
}
