namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// A named attribute of a node (<c>AttributeProto</c>), e.g. a convolution's <c>strides</c>. <see cref="Type"/>
/// says which value field is in use; the others keep their empty defaults. Subgraph and tensor-list values
/// are recognised but not read.
/// </summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Type">Which value it holds.</param>
/// <param name="Float">Value of a <see cref="OnnxAttributeType.Float"/> attribute.</param>
/// <param name="Int">Value of an <see cref="OnnxAttributeType.Int"/> attribute.</param>
/// <param name="String">Value of a <see cref="OnnxAttributeType.String"/> attribute.</param>
/// <param name="Tensor">Value of a <see cref="OnnxAttributeType.Tensor"/> attribute.</param>
/// <param name="Floats">Values of a <see cref="OnnxAttributeType.Floats"/> attribute.</param>
/// <param name="Ints">Values of an <see cref="OnnxAttributeType.Ints"/> attribute.</param>
/// <param name="Strings">Values of a <see cref="OnnxAttributeType.Strings"/> attribute.</param>
public sealed record OnnxAttribute(
    string Name,
    OnnxAttributeType Type,
    float Float,
    long Int,
    string String,
    OnnxTensor? Tensor,
    IReadOnlyList<float> Floats,
    IReadOnlyList<long> Ints,
    IReadOnlyList<string> Strings)
{
    /// <inheritdoc/>
    public override string ToString() => Type switch
    {
        OnnxAttributeType.Float => $"{Name}={Float}",
        OnnxAttributeType.Int => $"{Name}={Int}",
        OnnxAttributeType.String => $"{Name}='{String}'",
        OnnxAttributeType.Tensor => $"{Name}={Tensor}",
        OnnxAttributeType.Floats => $"{Name}=[{string.Join(",", Floats)}]",
        OnnxAttributeType.Ints => $"{Name}=[{string.Join(",", Ints)}]",
        OnnxAttributeType.Strings => $"{Name}=[{string.Join(",", Strings.Select(s => $"'{s}'"))}]",
        _ => $"{Name}=<{Type}>",
    };
}
