namespace MultiLabel.Onnx.Protobuf;

/// <summary>
/// The computation of a model: nodes in topological order, constant initializers and the declared inputs and
/// outputs.
/// </summary>
public sealed partial class GraphProto
{
    /// <summary>The inputs a caller feeds: the declared inputs that are not initializers (before IR version 4 these list both).</summary>
    public IReadOnlyList<ValueInfoProto> DataInputs =>
        Input.Where(i => !Initializer.Any(t => t.Name == i.Name)).ToArray();

    /// <summary>The initializer called <paramref name="name"/>, or null.</summary>
    public TensorProto? FindInitializer(string name) => Initializer.FirstOrDefault(t => t.Name == name);
}
