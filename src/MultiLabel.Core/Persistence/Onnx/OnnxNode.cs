namespace MultiLabel.Persistence.Onnx;

/// <summary>One operator application in a graph (<c>NodeProto</c>): its inputs and outputs are value names.</summary>
/// <param name="Name">Optional node name.</param>
/// <param name="OpType">Operator, e.g. <c>Conv</c>.</param>
/// <param name="Domain">Operator domain; empty for standard ONNX.</param>
/// <param name="Inputs">Names of the values it reads, in operator order (an empty name is an omitted optional input).</param>
/// <param name="Outputs">Names of the values it produces.</param>
/// <param name="Attributes">Its attributes.</param>
/// <param name="DocString">Free documentation text.</param>
public sealed record OnnxNode(
    string Name,
    string OpType,
    string Domain,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes,
    string DocString)
{
    /// <summary>The attribute called <paramref name="name"/>, or null.</summary>
    public OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>An <c>ints</c> attribute's values, or <paramref name="fallback"/> when it is absent.</summary>
    public IReadOnlyList<long> Ints(string name, IReadOnlyList<long> fallback) =>
        Attribute(name) is { } a ? Expect(a, OnnxAttributeType.Ints).Ints : fallback;

    /// <summary>An <c>int</c> attribute's value, or <paramref name="fallback"/> when it is absent.</summary>
    public long Int(string name, long fallback) =>
        Attribute(name) is { } a ? Expect(a, OnnxAttributeType.Int).Int : fallback;

    /// <summary>A <c>float</c> attribute's value, or <paramref name="fallback"/> when it is absent.</summary>
    public float Float(string name, float fallback) =>
        Attribute(name) is { } a ? Expect(a, OnnxAttributeType.Float).Float : fallback;

    /// <summary>A <c>string</c> attribute's value, or <paramref name="fallback"/> when it is absent.</summary>
    public string String(string name, string fallback) =>
        Attribute(name) is { } a ? Expect(a, OnnxAttributeType.String).String : fallback;

    /// <summary>The node as the error messages show it: operator, name and outputs.</summary>
    public override string ToString() =>
        $"{OpType} node '{(Name.Length > 0 ? Name : string.Join(",", Outputs))}'";

    private OnnxAttribute Expect(OnnxAttribute attribute, OnnxAttributeType type) =>
        attribute.Type == type
            ? attribute
            : throw new InvalidDataException($"Attribute '{attribute.Name}' of {this} is {attribute.Type}, expected {type}.");
}
