namespace MultiLabel.Onnx.Protobuf;

/// <summary>One operator application in a graph: its inputs and outputs are value names.</summary>
public sealed partial class NodeProto
{
    /// <summary>The attribute called <paramref name="name"/>, or null.</summary>
    public AttributeProto? FindAttribute(string name) => Attribute.FirstOrDefault(a => a.Name == name);

    /// <summary>An <c>ints</c> attribute's values, or <paramref name="fallback"/> when it is absent.</summary>
    public IReadOnlyList<long> IntsOr(string name, IReadOnlyList<long> fallback) =>
        FindAttribute(name) is { } a ? Expect(a, AttributeProto.Types.AttributeType.Ints).Ints : fallback;

    /// <summary>An <c>int</c> attribute's value, or <paramref name="fallback"/> when it is absent.</summary>
    public long IntOr(string name, long fallback) =>
        FindAttribute(name) is { } a ? Expect(a, AttributeProto.Types.AttributeType.Int).I : fallback;

    /// <summary>A <c>float</c> attribute's value, or <paramref name="fallback"/> when it is absent.</summary>
    public float FloatOr(string name, float fallback) =>
        FindAttribute(name) is { } a ? Expect(a, AttributeProto.Types.AttributeType.Float).F : fallback;

    /// <summary>A <c>string</c> attribute's value (UTF-8), or <paramref name="fallback"/> when it is absent.</summary>
    public string StringOr(string name, string fallback) =>
        FindAttribute(name) is { } a ? Expect(a, AttributeProto.Types.AttributeType.String).S.ToStringUtf8() : fallback;

    /// <summary>The node as error messages show it: operator, and name (or outputs when it has no name).</summary>
    public string Describe() => $"{OpType} node '{(Name.Length > 0 ? Name : string.Join(",", Output))}'";

    private AttributeProto Expect(AttributeProto attribute, AttributeProto.Types.AttributeType type) =>
        attribute.Kind == type
            ? attribute
            : throw new InvalidDataException($"Attribute '{attribute.Name}' of {Describe()} is {attribute.Kind}, expected {type}.");
}
